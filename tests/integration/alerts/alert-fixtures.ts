// Alerts and triggering events made directly in the database, for the alert verb tests.
import { randomUUID } from 'node:crypto';
import { alerts, securityEvents } from '@/db/schema';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { createDevice } from '@/lib/devices/create-device';
import { db, storeByCode } from '../../support/fixtures';

export async function alertAt(code: string, values: Partial<typeof alerts.$inferInsert> = {}) {
  const store = await storeByCode(code);
  const [row] = await db()
    .insert(alerts)
    .values({ storeId: store.id, title: 'Test alert', severity: 'high', source: 'sensor', ...values })
    .returning();
  return row!;
}

/** Stored camera/sensor events at a store, as ingest would have left them. */
export async function eventsAt(
  code: string,
  items: { type: string; payload?: Record<string, unknown>; zoneLabel?: string }[],
) {
  const store = await storeByCode(code);
  const device = await createDevice(db(), CLI_OPERATOR, { store: code, kind: 'camera', vendor: 'frigate' });
  const rows = await db()
    .insert(securityEvents)
    .values(
      items.map((i, n) => ({
        occurredAt: new Date(Date.now() - (items.length - n) * 1000),
        storeId: store.id,
        deviceId: device.id,
        sourceKind: 'camera' as const,
        type: i.type,
        vendorEventId: randomUUID(),
        zoneLabel: i.zoneLabel ?? null,
        payload: i.payload ?? {},
      })),
    )
    .returning({ id: securityEvents.id });
  return rows.map((r) => r.id);
}
