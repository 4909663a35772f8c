// The escalation path end to end through pg-boss: a rule with a 1-second delay,
// an alert nobody acknowledges, and the worker's job escalating it.
import { eq } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRules, alerts } from '@/db/schema';
import { requireEnv } from '@/lib/env';
import { ingestEvents } from '@/lib/ingest/ingest-events';
import { startEscalation } from '@/workers/escalation';
import { alertsRaisedAt, db } from '../../support/fixtures';
import { deviceAt, event } from '../../support/events';

let boss: PgBoss;
beforeAll(async () => {
  boss = new PgBoss({ connectionString: requireEnv('DATABASE_URL'), schema: 'pgboss', max: 2 });
  await boss.start();
  await startEscalation(boss);
});
afterAll(async () => {
  await boss.stop({ graceful: false });
});

describe('escalation worker', () => {
  it('escalates an unacknowledged alert after its rule’s delay, but not an acknowledged one', async () => {
    const device = await deviceAt('BTN01', 'sensor');
    await db().insert(alertRules).values({
      name: 'Fast-escalating tamper',
      kind: 'threshold',
      scopeType: 'store',
      storeId: device.storeId,
      condition: { eventType: 'tamper', count: 1, windowSeconds: 60 },
      severity: 'high',
      recipientRoles: ['security'],
      suppressionSeconds: 0,
      escalationDelaySeconds: 1,
    });
    await ingestEvents(db(), device, { ok: true, items: [event(device, 'tamper')] });
    await ingestEvents(db(), device, { ok: true, items: [event(device, 'tamper', new Date(), 'entrance')] });
    const [ignored, handled] = await alertsRaisedAt(device.storeId);
    await db().update(alerts).set({ status: 'acknowledged', acknowledgedAt: new Date() }).where(eq(alerts.id, handled!.id));

    await expect
      .poll(async () => (await db().select().from(alerts).where(eq(alerts.id, ignored!.id)))[0]!.status, { timeout: 10_000, interval: 250 })
      .toBe('escalated');
    const [escalated] = await db().select().from(alerts).where(eq(alerts.id, ignored!.id));
    expect(escalated!.detail.escalatedTo).toBe('store_manager');
    expect((await db().select().from(alerts).where(eq(alerts.id, handled!.id)))[0]!.status).toBe('acknowledged');
  });
});
