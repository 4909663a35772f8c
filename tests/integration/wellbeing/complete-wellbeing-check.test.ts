import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { wellbeingChecks } from '@/db/schema';
import { createIncident } from '@/lib/incidents/create-incident';
import { Conflict, Forbidden } from '@/lib/errors';
import { completeWellbeingCheck } from '@/lib/wellbeing/complete-wellbeing-check';
import { listWellbeingChecks } from '@/lib/wellbeing/list-wellbeing-checks';
import { actorFor, db, HOME_STORE, storeByCode } from '../../support/fixtures';

async function newCheck(): Promise<string> {
  const { id } = await createIncident(
    db(),
    await actorFor('colleague'),
    { store: HOME_STORE, type: 'threats_abuse' },
    { idempotencyKey: randomUUID(), source: 'pwa' },
  );
  const [check] = await db()
    .select({ id: wellbeingChecks.id })
    .from(wellbeingChecks)
    .where(eq(wellbeingChecks.incidentId, id));
  return check!.id;
}

describe('completeWellbeingCheck', () => {
  it('marks a check-in done once, by whom, and takes it off the list; a second manager is told', async () => {
    const manager = await actorFor('manager');
    const id = await newCheck();
    const home = await storeByCode(HOME_STORE);
    expect((await listWellbeingChecks(db(), manager, home.id)).some((c) => c.id === id)).toBe(true);
    const results = await Promise.allSettled([
      completeWellbeingCheck(db(), manager, { id, note: 'Offered the support line' }),
      completeWellbeingCheck(db(), await actorFor('regional'), { id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')?.reason).toBeInstanceOf(Conflict);
    const [row] = await db().select().from(wellbeingChecks).where(eq(wellbeingChecks.id, id));
    expect(row!.doneAt).not.toBeNull();
    expect(row!.doneBy).toBeTruthy();
  });

  it('refuses colleagues, security officers and people of other stores, and changes nothing', async () => {
    const id = await newCheck();
    for (const who of ['colleague', 'security', 'investigator', 'dpo']) {
      await expect(completeWellbeingCheck(db(), await actorFor(who), { id }), who).rejects.toBeInstanceOf(Forbidden);
    }
    const outsider = { ...(await actorFor('manager')), stores: [] };
    await expect(completeWellbeingCheck(db(), outsider, { id })).rejects.toBeInstanceOf(Forbidden);
    const [row] = await db().select().from(wellbeingChecks).where(eq(wellbeingChecks.id, id));
    expect(row!.doneAt).toBeNull();
  });
});
