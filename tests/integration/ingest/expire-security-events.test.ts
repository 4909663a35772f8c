import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { securityEvents } from '@/db/schema';
import { ingestEvents } from '@/lib/ingest/ingest-events';
import { expireSecurityEvents } from '@/lib/retention/expire-security-events';
import { db } from '../../support/fixtures';
import { deviceAt, event } from '../../support/events';

describe('security event retention', () => {
  it('drops whole monthly partitions past the policy and deletes old stragglers, keeping recent events', async () => {
    await db().execute(sql`create table if not exists security_event_2020_01 partition of security_event for values from ('2020-01-01') to ('2020-02-01')`);
    const device = await deviceAt('RDG01', 'sensor');
    const ancient = event(device, 'door_open', new Date('2020-01-15T10:00:00Z'));
    const old = event(device, 'door_open', new Date(Date.now() - 200 * 86_400_000)); // lands in the default partition
    const recent = event(device, 'door_open', new Date());
    await ingestEvents(db(), device, { ok: true, items: [ancient, old, recent] });

    const result = await expireSecurityEvents(db());
    expect(result.droppedPartitions).toContain('security_event_2020_01');
    expect(result.deletedRows).toBeGreaterThanOrEqual(1);
    const left = await db().select({ id: securityEvents.vendorEventId }).from(securityEvents).where(eq(securityEvents.deviceId, device.id));
    expect(left.map((r) => r.id)).toEqual([recent.vendorEventId]);
  });
});
