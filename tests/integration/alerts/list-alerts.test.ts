import { describe, expect, it } from 'vitest';
import { alerts } from '@/db/schema';
import { listAlerts, listAlertsSince } from '@/lib/alerts/list-alerts';
import { Forbidden } from '@/lib/errors';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';

describe('alerts in scope', () => {
  it('returns what a reconnecting console missed, only for its stores, oldest first', async () => {
    const home = await storeByCode(HOME_STORE);
    const other = await storeByCode(OTHER_STORE);
    const before = new Date().toISOString();
    const [a1] = await db().insert(alerts).values({ storeId: home.id, title: 'Panic button', severity: 'critical', source: 'panic' }).returning();
    await db().insert(alerts).values({ storeId: other.id, title: 'Elsewhere', severity: 'high', source: 'sensor' });
    const [a2] = await db().insert(alerts).values({ storeId: home.id, title: 'EAS gate', severity: 'high', source: 'sensor', createdAt: new Date(Date.now() + 5) }).returning();

    const security = await actorFor('security');
    const missed = await listAlertsSince(db(), security, { after: before });
    // Other files share this database: judge only by scope and by the two alerts made here.
    expect(missed.every((a) => a.storeCode === HOME_STORE)).toBe(true);
    expect(missed.map((a) => a.id).filter((id) => id === a1!.id || id === a2!.id)).toEqual([a1!.id, a2!.id]);
    expect(missed.find((a) => a.id === a1!.id)).toMatchObject({ storeCode: HOME_STORE, severity: 'critical', status: 'open' });
    const afterFirst = await listAlertsSince(db(), security, { after: a1!.id });
    expect(afterFirst.map((a) => a.id)).toEqual([a2!.id]);
  });

  it("for the console: everything still open however old, plus only this shift's resolved alerts", async () => {
    const home = await storeByCode(HOME_STORE);
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    const [stillOpen, resolvedNow, resolvedLastWeek] = await db()
      .insert(alerts)
      .values([
        { storeId: home.id, title: 'Old but open', severity: 'high', source: 'sensor', createdAt: hoursAgo(24 * 30) },
        { storeId: home.id, title: 'Resolved an hour ago', severity: 'high', source: 'sensor', status: 'resolved', createdAt: hoursAgo(2), resolvedAt: hoursAgo(1) },
        { storeId: home.id, title: 'Resolved last week', severity: 'high', source: 'sensor', status: 'resolved', createdAt: hoursAgo(170), resolvedAt: hoursAgo(168) },
      ])
      .returning();
    const listed = await listAlerts(db(), await actorFor('security'), { store: HOME_STORE, resolvedSince: hoursAgo(12).toISOString() });
    const ids = new Set(listed.map((a) => a.id));
    expect([stillOpen, resolvedNow, resolvedLastWeek].map((a) => ids.has(a!.id))).toEqual([true, true, false]);
    // The demo's resolved history (every day before today) stays out too.
    expect(listed.filter((a) => a.status === 'resolved').every((a) => Date.parse(String(a.resolvedAt)) >= hoursAgo(12).getTime())).toBe(true);
  });

  it('rejects an actor out of scope', async () => {
    const colleague = await actorFor('colleague');
    await expect(listAlerts(db(), colleague, {})).rejects.toBeInstanceOf(Forbidden);
    const security = await actorFor('security');
    await expect(listAlerts(db(), security, { store: OTHER_STORE })).rejects.toBeInstanceOf(Forbidden);
  });
});
