import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alerts, alertRules, regions } from '@/db/schema';
import { ingestEvents } from '@/lib/ingest/ingest-events';
import { backtestRule } from '@/lib/rules/backtest-rule';
import { evaluateAnomalyRules } from '@/lib/rules/evaluate-anomaly-rules';
import { actorFor, db, storeByCode } from '../../support/fixtures';
import { deviceAt, event } from '../../support/events';

const REGION_STORES = ['EDI01', 'GLA01', 'ABD01', 'DND01', 'NCL01', 'SUN01'];
const condition = { subject: 'store', eventType: 'shelf_sweep', zThreshold: 3.5, minSamples: 14 };

describe('anomaly rules', () => {
  it('alerts for the one store whose last 24 hours are far above its own history and its peers, once', async () => {
    const day = 86_400_000;
    const now = Date.now();
    for (const code of REGION_STORES) {
      const device = await deviceAt(code, 'camera');
      const history = Array.from({ length: 28 }, (_, d) => [event(device, 'shelf_sweep', new Date(now - (d + 1) * day - 3600_000)), event(device, 'shelf_sweep', new Date(now - (d + 1) * day - 7200_000))]).flat();
      const today = Array.from({ length: code === 'DND01' ? 18 : 2 }, (_, i) => event(device, 'shelf_sweep', new Date(now - (i + 1) * 60_000)));
      await ingestEvents(db(), device, { ok: true, items: [...history, ...today] });
    }
    const [region] = await db().select().from(regions).where(eq(regions.code, 'SNE'));
    await db().insert(alertRules).values({ name: 'Unusual shelf sweeping', kind: 'anomaly', scopeType: 'region', regionId: region!.id, condition, severity: 'medium', recipientRoles: ['store_manager'] });

    expect(await evaluateAnomalyRules(db())).toBe(1);
    expect(await evaluateAnomalyRules(db())).toBe(0); // still the same anomaly: suppressed
    const dundee = await storeByCode('DND01');
    const [alert] = await db().select().from(alerts).where(and(eq(alerts.storeId, dundee.id), eq(alerts.title, 'Unusual shelf sweeping')));
    expect(alert!.detail.reason).toMatch(/^18 in 24 h vs a usual 2/);

    const backtest = await backtestRule(db(), await actorFor('admin'), {
      name: 'Unusual shelf sweeping',
      kind: 'anomaly',
      condition,
      severity: 'medium',
      recipientRoles: ['store_manager'],
      suppressionSeconds: 0,
      escalationDelaySeconds: 0,
      scope: 'region',
      scopeCode: 'SNE',
    });
    expect(backtest.byStore.map((s) => s.storeCode)).toEqual(['DND01']);
  });
});
