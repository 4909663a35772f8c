import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alerts, auditLog } from '@/db/schema';
import { acknowledgeAlert, resolveAlert } from '@/lib/alerts/act-on-alert';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';

async function alertAt(code: string) {
  const store = await storeByCode(code);
  const [row] = await db().insert(alerts).values({ storeId: store.id, title: 'Test alert', severity: 'high', source: 'sensor' }).returning();
  return row!;
}

describe('acting on alerts', () => {
  it('acknowledges then resolves with an outcome, recording who and when, and audits both', async () => {
    const alert = await alertAt(HOME_STORE);
    const security = await actorFor('security');
    expect(await acknowledgeAlert(db(), security, alert.id)).toMatchObject({ status: 'acknowledged' });
    const manager = await actorFor('manager');
    expect(await resolveAlert(db(), manager, alert.id, { outcome: 'deterred' })).toMatchObject({ status: 'resolved', outcome: 'deterred' });
    const [row] = await db().select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row).toMatchObject({ acknowledgedBy: security.id, resolvedBy: manager.id });
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, alert.id));
    expect(audits.map((a) => a.action)).toEqual(['alert.acknowledge', 'alert.resolve']);
  });

  it('lets exactly one of two simultaneous resolvers win; the other is told', async () => {
    const alert = await alertAt(HOME_STORE);
    const [a, b] = [await actorFor('security'), await actorFor('manager')];
    const results = await Promise.allSettled([resolveAlert(db(), a, alert.id, { outcome: 'stopped' }), resolveAlert(db(), b, alert.id, { outcome: 'false_alarm' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(Conflict);
  });

  it('counts resolving straight away as acknowledging it then (for MTTA)', async () => {
    const alert = await alertAt(HOME_STORE);
    await resolveAlert(db(), await actorFor('security'), alert.id, { outcome: 'false_alarm' });
    const [row] = await db().select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row!.acknowledgedAt).not.toBeNull();
  });

  it('rejects an actor out of scope, an unknown outcome and an unknown alert', async () => {
    const elsewhere = await alertAt(OTHER_STORE);
    await expect(acknowledgeAlert(db(), await actorFor('security'), elsewhere.id)).rejects.toBeInstanceOf(Forbidden);
    const mine = await alertAt(HOME_STORE);
    await expect(acknowledgeAlert(db(), await actorFor('colleague'), mine.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(resolveAlert(db(), await actorFor('security'), mine.id, { outcome: 'vanished' })).rejects.toBeInstanceOf(Invalid);
    await expect(acknowledgeAlert(db(), await actorFor('security'), '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFound);
  });
});
