import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alertRules } from '@/db/schema';
import { Forbidden, Invalid } from '@/lib/errors';
import { ingestEvents } from '@/lib/ingest/ingest-events';
import { backtestRule } from '@/lib/rules/backtest-rule';
import { saveRule } from '@/lib/rules/save-rule';
import { actorFor, db, HOME_STORE } from '../../support/fixtures';
import { deviceAt, event } from '../../support/events';

const base = {
  name: 'Loitering at the entrance',
  kind: 'threshold',
  condition: { eventType: 'loitering', count: 2, windowSeconds: 600 },
  severity: 'medium',
  recipientRoles: ['security'],
  suppressionSeconds: 1800,
  escalationDelaySeconds: 600,
  scope: 'store',
  scopeCode: 'BHM01',
};

describe('saving and backtesting rules', () => {
  it('counts how often a rule would have fired over the last 30 days, honouring suppression', async () => {
    const device = await deviceAt('BHM01', 'camera');
    const day = 86_400_000;
    const t = Date.now();
    const bursts = [3, 9, 15].flatMap((d) => [0, 60_000, 120_000].map((offset) => event(device, 'loitering', new Date(t - d * day + offset))));
    const lone = event(device, 'loitering', new Date(t - 20 * day));
    const old = [event(device, 'loitering', new Date(t - 40 * day)), event(device, 'loitering', new Date(t - 40 * day + 1000))];
    await ingestEvents(db(), device, { ok: true, items: [...bursts, lone, ...old] });

    const admin = await actorFor('admin');
    const result = await backtestRule(db(), admin, base);
    expect(result).toMatchObject({ days: 30, total: 3 });
    expect(result.byStore).toEqual([{ storeCode: 'BHM01', storeName: 'Birmingham New Street', fires: 3 }]);
    const noSuppression = await backtestRule(db(), admin, { ...base, suppressionSeconds: 0 });
    expect(noSuppression.total).toBe(6); // the 2nd and 3rd event of each burst
  });

  it('saves a valid rule and refuses invalid conditions with field paths', async () => {
    const admin = await actorFor('admin');
    const { id } = await saveRule(db(), admin, base);
    const [row] = await db().select().from(alertRules).where(eq(alertRules.id, id));
    expect(row).toMatchObject({ name: base.name, scopeType: 'store', enabled: true });
    const error = await saveRule(db(), admin, { ...base, condition: { eventType: 'loitering', count: 0 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['condition.count', 'condition.windowSeconds']));
  });

  it('rejects an actor out of scope', async () => {
    const manager = await actorFor('manager');
    await expect(saveRule(db(), manager, base)).rejects.toBeInstanceOf(Forbidden); // BHM01 is not their store
    await expect(saveRule(db(), manager, { ...base, scope: 'all' })).rejects.toBeInstanceOf(Forbidden);
    await expect(backtestRule(db(), await actorFor('colleague'), base)).rejects.toBeInstanceOf(Forbidden);
    const own = await saveRule(db(), manager, { ...base, scopeCode: HOME_STORE });
    expect(own.id).toBeTruthy();
  });
});
