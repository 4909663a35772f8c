import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alerts, securityEvents } from '@/db/schema';
import { escalateAlert } from '@/lib/alerts/escalate-alert';
import { ingestEvents } from '@/lib/ingest/ingest-events';
import { alertsRaisedAt as alertsFor, db } from '../../support/fixtures';
import { deviceAt, event } from '../../support/events';

const ok = <T>(items: T[]) => ({ ok: true as const, items });

describe('rules on the ingest path', () => {
  it('turns every panic press into a critical alert that records its event', async () => {
    const device = await deviceAt('LIV01');
    const panic = event(device, 'panic', new Date(), 'tills');
    const result = await ingestEvents(db(), device, ok([panic]));
    expect(result).toEqual({ accepted: 1, duplicates: 0, alerts: 1 });
    const [alert] = await alertsFor(device.storeId);
    expect(alert).toMatchObject({ title: 'Panic button', severity: 'critical', status: 'open', source: 'panic' });
    const [stored] = await db().select().from(securityEvents).where(eq(securityEvents.vendorEventId, panic.vendorEventId));
    expect(alert!.triggeringEventIds).toEqual([stored!.id]);
    expect(stored!.zoneId).not.toBeNull(); // "tills" matched the store's "Staffed tills" zone
  });

  it('stores a redelivered event once and does not alert twice', async () => {
    const device = await deviceAt('BRD01');
    const panic = event(device, 'panic');
    expect(await ingestEvents(db(), device, ok([panic, panic]))).toEqual({ accepted: 1, duplicates: 1, alerts: 1 });
    expect(await ingestEvents(db(), device, ok([panic]))).toEqual({ accepted: 0, duplicates: 1, alerts: 0 });
    expect(await alertsFor(device.storeId)).toHaveLength(1);
  });

  it('fires a threshold rule at the Nth event in the window, then stays quiet for the suppression window', async () => {
    const device = await deviceAt('LDS01');
    const t = Date.now();
    expect((await ingestEvents(db(), device, ok([event(device, 'eas_alarm', new Date(t - 120_000)), event(device, 'eas_alarm', new Date(t - 60_000))]))).alerts).toBe(0);
    expect((await ingestEvents(db(), device, ok([event(device, 'eas_alarm', new Date(t))]))).alerts).toBe(1);
    expect((await ingestEvents(db(), device, ok([event(device, 'eas_alarm', new Date(t + 1000))]))).alerts).toBe(0);
    const raised = await alertsFor(device.storeId);
    expect(raised.map((a) => a.title)).toEqual(['Repeated EAS gate alarms']);
    expect(raised[0]!.triggeringEventIds).toHaveLength(3);
  });

  it('does not count events outside the window', async () => {
    const device = await deviceAt('PRE01');
    const t = Date.now();
    const spread = [0, 11, 22].map((m) => event(device, 'eas_alarm', new Date(t - m * 60_000)));
    expect((await ingestEvents(db(), device, ok(spread))).alerts).toBe(0);
  });

  it('fires a correlation rule when both events happen close together, and not when they are far apart', async () => {
    const far = await deviceAt('SHF01', 'camera');
    const t = Date.now();
    await ingestEvents(db(), far, ok([event(far, 'person_detected', new Date(t - 10 * 60_000))]));
    expect((await ingestEvents(db(), far, ok([event(far, 'eas_alarm', new Date(t))]))).alerts).toBe(0);

    const near = await deviceAt('NOT01', 'camera');
    await ingestEvents(db(), near, ok([event(near, 'eas_alarm', new Date(t - 10_000))]));
    const result = await ingestEvents(db(), near, ok([event(near, 'person_detected', new Date(t))]));
    expect(result.alerts).toBe(1);
    const [alert] = await alertsFor(near.storeId);
    expect(alert!.title).toBe('Gate alarm with person at exit');
    expect(alert!.triggeringEventIds).toHaveLength(2);
  });

  it('escalates an alert nobody acknowledged, and leaves an acknowledged one alone', async () => {
    const device = await deviceAt('LEI01');
    await ingestEvents(db(), device, ok([event(device, 'panic')]));
    await ingestEvents(db(), device, ok([event(device, 'panic', new Date(), 'entrance')]));
    const [first, second] = await alertsFor(device.storeId);
    await db().update(alerts).set({ status: 'acknowledged', acknowledgedAt: new Date() }).where(eq(alerts.id, second!.id));
    expect(await escalateAlert(db(), first!.id)).toBe(true);
    expect(await escalateAlert(db(), second!.id)).toBe(false);
    const after = await db().select().from(alerts).where(inArray(alerts.id, [first!.id, second!.id]));
    const byId = new Map(after.map((a) => [a.id, a]));
    expect(byId.get(first!.id)).toMatchObject({ status: 'escalated', escalationLevel: 1, detail: expect.objectContaining({ escalatedTo: 'regional_manager' }) });
    expect(byId.get(second!.id)!.status).toBe('acknowledged');
  });
});
