// Migration 0012 gives events stored before security_event_key existed their keys, so a
// redelivery of one after the upgrade is still a duplicate.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '@/db/migrate';
import { securityEventKeys, securityEvents } from '@/db/schema';
import { storeSecurityEvents } from '@/lib/ingest/store-security-events';
import { deviceAt, event } from '../../support/events';
import { db, HOME_STORE } from '../../support/fixtures';

const backfill = readFileSync(path.join(MIGRATIONS_DIR, '0012_security_event_key_backfill.sql'), 'utf8');

describe('security_event_key backfill (migration 0012)', () => {
  it('keys events stored before the upgrade, so their redeliveries stay duplicates', async () => {
    const device = await deviceAt(HOME_STORE, 'camera');
    const at = (id: string, iso: string) => ({
      ...event(device, 'motion', new Date(iso)),
      vendorEventId: id,
    });
    // As the old code stored them: no key, and one id twice with different times.
    const legacy = [
      at('old-1', '2026-11-20T10:00:00Z'),
      at('old-2', '2026-11-20T10:00:00Z'),
      at('old-2', '2026-12-01T10:00:00Z'),
    ];
    await db().insert(securityEvents).values(legacy);

    await db().execute(sql.raw(backfill));

    const keys = await db()
      .select({ id: securityEventKeys.vendorEventId, occurredAt: securityEventKeys.occurredAt })
      .from(securityEventKeys)
      .where(eq(securityEventKeys.deviceId, device.id))
      .orderBy(securityEventKeys.vendorEventId);
    // The latest time of a repeated id: its key must outlive every row it stands for.
    expect(keys).toEqual([
      { id: 'old-1', occurredAt: new Date('2026-11-20T10:00:00Z') },
      { id: 'old-2', occurredAt: new Date('2026-12-01T10:00:00Z') },
    ]);
    const redelivered = [at('old-1', '2026-11-21T10:00:00Z'), at('old-2', '2026-11-21T10:00:00Z')];
    expect(await storeSecurityEvents(db(), redelivered)).toMatchObject({ accepted: 0, duplicates: 2 });
    const rows = await db()
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.deviceId, device.id), eq(securityEvents.vendorEventId, 'old-1')));
    expect(rows).toHaveLength(1);
  });
});
