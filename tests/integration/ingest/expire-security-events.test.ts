import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { retentionPolicies, securityEventKeys, securityEvents } from '@/db/schema';
import { ingestEvents } from '@/lib/ingest/ingest-events';
import { storeSecurityEvents } from '@/lib/ingest/store-security-events';
import { DEFAULT_EVENT_RETENTION_DAYS, expireSecurityEvents } from '@/lib/retention/expire-security-events';
import { db } from '../../support/fixtures';
import { deviceAt, event } from '../../support/events';

const DAY = 86_400_000;

const keysOf = async (deviceId: string) =>
  (
    await db()
      .select({ id: securityEventKeys.vendorEventId })
      .from(securityEventKeys)
      .where(eq(securityEventKeys.deviceId, deviceId))
  ).map((r) => r.id);

async function keepDays() {
  const [policy] = await db().select().from(retentionPolicies).where(eq(retentionPolicies.entity, 'security_event'));
  return policy?.keepDays ?? DEFAULT_EVENT_RETENTION_DAYS;
}

describe('security event retention', () => {
  it('drops whole monthly partitions past the policy and deletes old stragglers, keeping recent events', async () => {
    await db().execute(
      sql`create table if not exists security_event_2020_01 partition of security_event for values from ('2020-01-01') to ('2020-02-01')`,
    );
    const device = await deviceAt('RDG01', 'sensor');
    const ancient = event(device, 'door_open', new Date('2020-01-15T10:00:00Z'));
    const old = event(device, 'door_open', new Date(Date.now() - 200 * DAY)); // lands in the default partition
    const recent = event(device, 'door_open', new Date());
    await ingestEvents(db(), device, { ok: true, items: [ancient, old, recent] });

    const result = await expireSecurityEvents(db());
    expect(result.droppedPartitions).toContain('security_event_2020_01');
    expect(result.deletedRows).toBeGreaterThanOrEqual(1);
    const left = await db()
      .select({ id: securityEvents.vendorEventId })
      .from(securityEvents)
      .where(eq(securityEvents.deviceId, device.id));
    expect(left.map((r) => r.id)).toEqual([recent.vendorEventId]);
  });

  it('forgets the ids of expired events with them, so a vendor may use one again', async () => {
    const device = await deviceAt('RDG01', 'sensor');
    const ancient = event(device, 'door_open', new Date('2020-01-15T10:00:00Z'));
    const old = event(device, 'door_open', new Date(Date.now() - 200 * DAY));
    const recent = event(device, 'door_open', new Date());
    await storeSecurityEvents(db(), [ancient, old, recent]);

    const result = await expireSecurityEvents(db());
    expect(result.deletedKeys).toBeGreaterThanOrEqual(2);
    expect(await keysOf(device.id)).toEqual([recent.vendorEventId]);
    const reused = { ...old, occurredAt: new Date() };
    expect(await storeSecurityEvents(db(), [reused, { ...recent, occurredAt: new Date() }])).toMatchObject({
      accepted: 1,
      duplicates: 1,
    });
  });

  it('keeps the id of an event still kept in a month partly past the cutoff, so its redelivery stays a duplicate', async () => {
    await db().execute(
      sql`create table if not exists security_event_2021_03 partition of security_event for values from ('2021-03-01') to ('2021-04-01')`,
    );
    const device = await deviceAt('RDG01', 'sensor');
    const early = event(device, 'door_open', new Date('2021-03-05T10:00:00Z'));
    await storeSecurityEvents(db(), [early]);
    // The cutoff falls on 15 March: the March partition stays, and so does the early event.
    const now = new Date(Date.parse('2021-03-15T00:00:00Z') + (await keepDays()) * DAY);

    const result = await expireSecurityEvents(db(), now);
    expect(result.droppedPartitions).not.toContain('security_event_2021_03');
    expect(await keysOf(device.id)).toEqual([early.vendorEventId]);
    const redelivered = { ...early, occurredAt: new Date('2021-03-06T10:00:00Z') };
    expect(await storeSecurityEvents(db(), [redelivered])).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('deletes every expired key however many there are', async () => {
    const device = await deviceAt('RDG01', 'sensor');
    const old = Array.from({ length: 7 }, (_, i) => event(device, 'door_open', new Date(Date.now() - (200 + i) * DAY)));
    await storeSecurityEvents(db(), old);

    const result = await expireSecurityEvents(db(), new Date(), { keyBatchSize: 2 });
    expect(result.deletedKeys).toBeGreaterThanOrEqual(7);
    expect(await keysOf(device.id)).toEqual([]);
  });
});
