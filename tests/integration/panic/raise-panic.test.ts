import { randomUUID } from 'node:crypto';
import { and, arrayContains, count, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alerts, auditLog, securityEvents, zones } from '@/db/schema';
import { Forbidden, Invalid } from '@/lib/errors';
import { raisePanic } from '@/lib/panic/raise-panic';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';
import { deviceAt } from '../../support/events';

const eventsFor = (key: string) => db().select().from(securityEvents).where(eq(securityEvents.vendorEventId, `panic-${key}`));
const alertsFor = (eventId: string) => db().select().from(alerts).where(arrayContains(alerts.triggeringEventIds, [eventId]));
const panicEventCount = async () =>
  (await db().select({ n: count() }).from(securityEvents).where(like(securityEvents.vendorEventId, 'panic-%')))[0]!.n;

async function zoneOf(storeCode: string, name = 'Staffed tills') {
  const store = await storeByCode(storeCode);
  const [zone] = await db().select().from(zones).where(and(eq(zones.storeId, store.id), eq(zones.name, name)));
  return zone!;
}

describe('raisePanic', () => {
  it('turns a colleague’s press into a panic event and a critical "Panic button" alert for their store', async () => {
    const colleague = await actorFor('colleague');
    const zone = await zoneOf(HOME_STORE);
    const key = randomUUID();
    const result = await raisePanic(db(), colleague, { store: HOME_STORE, zoneId: zone.id }, { idempotencyKey: key });
    expect(result).toEqual({ alerts: 1, duplicate: false });

    const [event] = await eventsFor(key);
    expect(event).toMatchObject({ type: 'panic', storeId: zone.storeId, zoneId: zone.id, payload: { via: 'staff_app' } });
    const raised = await alertsFor(event!.id);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ storeId: zone.storeId, title: 'Panic button', severity: 'critical', source: 'panic', status: 'open' });
    // The alert carries no personal data about who pressed.
    expect(JSON.stringify(raised[0])).not.toContain(colleague.id);
    expect(JSON.stringify(raised[0])).not.toContain(colleague.name);

    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'panic.raise'), eq(auditLog.actorId, colleague.id), eq(auditLog.entityId, zone.storeId)));
    expect(audits.some((a) => a.detail.zone === zone.name && a.detail.alerts === 1)).toBe(true);
  });

  it('treats a replay (same key, same press time) as a duplicate: no second event, no second alert', async () => {
    const colleague = await actorFor('colleague');
    const key = randomUUID();
    const pressedAt = new Date(Date.now() - 30_000).toISOString();
    expect(await raisePanic(db(), colleague, { store: HOME_STORE, pressedAt }, { idempotencyKey: key })).toEqual({ alerts: 1, duplicate: false });
    expect(await raisePanic(db(), colleague, { store: HOME_STORE, pressedAt }, { idempotencyKey: key })).toEqual({ alerts: 0, duplicate: true });
    const events = await eventsFor(key);
    expect(events).toHaveLength(1);
    expect(events[0]!.occurredAt.toISOString()).toBe(pressedAt);
    expect(await alertsFor(events[0]!.id)).toHaveLength(1);
  });

  it('alerts for each of two presses at once, and once for two copies of one press arriving together', async () => {
    // An administrator may press for any store; SOU01 is otherwise untouched by these tests.
    const admin = await actorFor('admin');
    const [a, b] = await Promise.all([
      raisePanic(db(), admin, { store: 'SOU01' }, { idempotencyKey: randomUUID() }),
      raisePanic(db(), admin, { store: 'SOU01' }, { idempotencyKey: randomUUID() }),
    ]);
    expect([a, b]).toEqual([{ alerts: 1, duplicate: false }, { alerts: 1, duplicate: false }]);

    const key = randomUUID();
    const pressedAt = new Date().toISOString();
    const copies = await Promise.all([1, 2].map(() => raisePanic(db(), admin, { store: 'SOU01', pressedAt }, { idempotencyKey: key })));
    expect(copies.map((c) => c.alerts).sort()).toEqual([0, 1]);
    const events = await eventsFor(key);
    expect(events).toHaveLength(1);
    expect(await alertsFor(events[0]!.id)).toHaveLength(1);
  });

  it('records a press from a kiosk against that kiosk and still alerts', async () => {
    const colleague = await actorFor('colleague');
    const kiosk = await deviceAt(HOME_STORE, 'kiosk');
    const key = randomUUID();
    expect(await raisePanic(db(), colleague, { store: HOME_STORE }, { idempotencyKey: key, device: kiosk })).toEqual({ alerts: 1, duplicate: false });
    const [event] = await eventsFor(key);
    expect(event).toMatchObject({ deviceId: kiosk.id, payload: { via: 'kiosk' } });
    expect((await alertsFor(event!.id))[0]).toMatchObject({ source: 'panic', severity: 'critical' });
  });

  it('rejects an actor out of scope: a colleague of MCR01 cannot raise a panic at LON01', async () => {
    const colleague = await actorFor('colleague');
    const before = await panicEventCount();
    const key = randomUUID();
    await expect(raisePanic(db(), colleague, { store: OTHER_STORE }, { idempotencyKey: key })).rejects.toBeInstanceOf(Forbidden);
    expect(await eventsFor(key)).toHaveLength(0);
    expect(await panicEventCount()).toBe(before);
  });

  it('refuses an area of another store', async () => {
    const colleague = await actorFor('colleague');
    const key = randomUUID();
    const error = await raisePanic(db(), colleague, { store: HOME_STORE, zoneId: (await zoneOf(OTHER_STORE)).id }, { idempotencyKey: key }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues.map((i) => i.path)).toEqual(['zoneId']);
    expect(await eventsFor(key)).toHaveLength(0);
  });

  it('refuses a press time more than 24 hours ago or in the future', async () => {
    const colleague = await actorFor('colleague');
    for (const pressedAt of [new Date(Date.now() - 25 * 3600_000), new Date(Date.now() + 60 * 60_000)]) {
      const key = randomUUID();
      const error = await raisePanic(db(), colleague, { store: HOME_STORE, pressedAt: pressedAt.toISOString() }, { idempotencyKey: key }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).issues.map((i) => i.path)).toEqual(['pressedAt']);
      expect(await eventsFor(key)).toHaveLength(0);
    }
  });

  it('refuses a press from a kiosk of another store', async () => {
    const colleague = await actorFor('colleague');
    const kiosk = await deviceAt(OTHER_STORE, 'kiosk');
    const key = randomUUID();
    await expect(raisePanic(db(), colleague, { store: HOME_STORE }, { idempotencyKey: key, device: kiosk })).rejects.toBeInstanceOf(Forbidden);
    expect(await eventsFor(key)).toHaveLength(0);
  });

  it('refuses an idempotency key that is not a UUID', async () => {
    const colleague = await actorFor('colleague');
    const before = await panicEventCount();
    await expect(raisePanic(db(), colleague, { store: HOME_STORE }, { idempotencyKey: 'press-1' })).rejects.toBeInstanceOf(Invalid);
    expect(await panicEventCount()).toBe(before);
  });
});
