import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { zones } from '@/db/schema';
import { Forbidden, NotFound } from '@/lib/errors';
import { reportContext } from '@/lib/staff/report-context';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';

const SUPPORT_TITLES = ['Employee assistance line', 'First aid', 'Take time out'];

describe('reportContext', () => {
  it('gives a colleague their own store’s areas, emergency instructions and the support list in order', async () => {
    const colleague = await actorFor('colleague');
    const home = await storeByCode(HOME_STORE);
    const context = await reportContext(db(), colleague, undefined);
    expect(context.store).toMatchObject({ id: home.id, code: HOME_STORE, name: home.name });
    expect(context.store.emergencyInstructions).toMatch(/999/);

    const expected = await db().select({ id: zones.id, name: zones.name }).from(zones).where(eq(zones.storeId, home.id)).orderBy(asc(zones.name));
    expect(context.zones).toEqual(expected);
    expect(context.zones.length).toBeGreaterThan(0);

    expect(context.supportOptions.map((o) => o.title)).toEqual(SUPPORT_TITLES);
    expect(context.supportOptions[0]!.contact).toMatch(/^tel:/);
  });

  it('accepts the store code in any case', async () => {
    const colleague = await actorFor('colleague');
    expect((await reportContext(db(), colleague, HOME_STORE.toLowerCase())).store.code).toBe(HOME_STORE);
  });

  it('rejects an actor out of scope: a colleague cannot open another store’s report form', async () => {
    const colleague = await actorFor('colleague');
    await expect(reportContext(db(), colleague, OTHER_STORE)).rejects.toBeInstanceOf(Forbidden);
  });

  it('gives a kiosk its own store, and refuses another store', async () => {
    const home = await storeByCode(HOME_STORE);
    const context = await reportContext(db(), null, HOME_STORE, { kioskStoreId: home.id });
    expect(context.store.code).toBe(HOME_STORE);
    expect(context.supportOptions.map((o) => o.title)).toEqual(SUPPORT_TITLES);
    await expect(reportContext(db(), null, OTHER_STORE, { kioskStoreId: home.id })).rejects.toBeInstanceOf(Forbidden);
    // A colleague identified at the kiosk is still bound to the kiosk's store.
    const colleague = await actorFor('colleague');
    await expect(reportContext(db(), colleague, OTHER_STORE, { kioskStoreId: home.id })).rejects.toBeInstanceOf(Forbidden);
  });

  it('refuses someone who is neither signed in nor at a kiosk', async () => {
    await expect(reportContext(db(), null, HOME_STORE)).rejects.toBeInstanceOf(Forbidden);
    await expect(reportContext(db(), null, undefined)).rejects.toBeInstanceOf(Forbidden);
  });

  it('says an unknown store was not found', async () => {
    const admin = await actorFor('admin');
    await expect(reportContext(db(), admin, 'NOPE99')).rejects.toBeInstanceOf(NotFound);
  });
});
