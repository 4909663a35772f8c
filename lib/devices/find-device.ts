import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { devices, stores } from '@/db/schema';
import type { AuthenticatedDevice } from './authenticate-device';
import { touchDevice } from './authenticate-device';

const columns = {
  id: devices.id,
  kind: devices.kind,
  vendor: devices.vendor,
  vendorRef: devices.vendorRef,
  lastSeenAt: devices.lastSeenAt,
  storeId: stores.id,
  storeCode: stores.code,
  regionId: stores.regionId,
  timeZone: stores.timezone,
};

/**
 * Finds an active device by its vendor reference, for transports without per-device
 * keys (MQTT): a Frigate camera name, or a sensor's ref within a store.
 */
export async function findDeviceByRef(db: DbOrTx, ref: string, where: { vendor?: string; storeCode?: string }): Promise<AuthenticatedDevice | null> {
  const [row] = await db
    .select(columns)
    .from(devices)
    .innerJoin(stores, eq(stores.id, devices.storeId))
    .where(
      and(
        eq(devices.vendorRef, ref),
        eq(devices.status, 'active'),
        where.vendor ? eq(devices.vendor, where.vendor) : undefined,
        where.storeCode ? eq(stores.code, where.storeCode) : undefined,
      ),
    )
    .limit(1);
  if (!row) return null;
  await touchDevice(db, row.id, row.lastSeenAt);
  const { lastSeenAt: _l, ...device } = row;
  return device;
}
