import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { stores, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { actorFor, db, HOME_STORE } from '../../support/fixtures';

describe('loadActor', () => {
  it('resolves a store membership to that one store', async () => {
    const colleague = await actorFor('colleague');
    expect(colleague.roles).toEqual(['colleague']);
    expect(colleague.stores.map((s) => s.code)).toEqual([HOME_STORE]);
  });

  it('resolves a region membership to every store of the region', async () => {
    const regional = await actorFor('regional');
    const [home] = await db().select().from(stores).where(eq(stores.code, HOME_STORE));
    const regionStores = await db().select().from(stores).where(eq(stores.regionId, home!.regionId));
    expect(regional.stores.map((s) => s.code).sort()).toEqual(regionStores.map((s) => s.code).sort());
  });

  it('returns nobody for a disabled account', async () => {
    const dpo = await actorFor('dpo');
    await db().update(users).set({ status: 'disabled' }).where(eq(users.id, dpo.id));
    expect(await loadActor(db(), dpo.id)).toBeNull();
    await db().update(users).set({ status: 'active' }).where(eq(users.id, dpo.id));
  });
});
