import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { devices, stores } from '@/db/schema';
import { sha256Hex } from '@/lib/auth/crypto';
import type { DeviceKind } from '@/lib/domain/enums';
import { Unauthenticated } from '@/lib/errors';

export type AuthenticatedDevice = {
  id: string;
  kind: DeviceKind;
  vendor: string;
  vendorRef: string | null;
  storeId: string;
  storeCode: string;
  regionId: string;
  timeZone: string;
};

const LAST_SEEN_GRANULARITY_MS = 30_000;

/**
 * What the credential is being used for. Kiosk credentials and device API keys share the
 * device table, but a kiosk's key sits in a browser cookie on a shop-floor screen: it must
 * not be able to inject events, and an ingest key must not be able to act as a kiosk.
 */
export type DeviceCredentialUse = 'ingest' | 'kiosk';

/** Resolves `Authorization: Bearer <apiKey>` to an active device allowed this use, or throws 401. */
export async function authenticateDevice(
  db: DbOrTx,
  authorization: string | null,
  use: DeviceCredentialUse = 'ingest',
): Promise<AuthenticatedDevice> {
  const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!key) throw new Unauthenticated('Send the device API key as "Authorization: Bearer <key>".');
  const [device] = await db
    .select({
      id: devices.id,
      kind: devices.kind,
      vendor: devices.vendor,
      vendorRef: devices.vendorRef,
      status: devices.status,
      lastSeenAt: devices.lastSeenAt,
      storeId: stores.id,
      storeCode: stores.code,
      regionId: stores.regionId,
      timeZone: stores.timezone,
    })
    .from(devices)
    .innerJoin(stores, eq(stores.id, devices.storeId))
    .where(eq(devices.apiKeyHash, sha256Hex(key)));
  if (!device || device.status !== 'active')
    throw new Unauthenticated('That device key is not valid or has been revoked.');
  if (use === 'ingest' && device.kind === 'kiosk') {
    throw new Unauthenticated("A kiosk's credential cannot send events. Use the device's own API key.");
  }
  if (use === 'kiosk' && device.kind !== 'kiosk') throw new Unauthenticated('This key does not belong to a kiosk.');
  await touchDevice(db, device.id, device.lastSeenAt);
  const { status: _s, lastSeenAt: _l, ...rest } = device;
  return rest;
}

/** Records traffic, at most every 30 s per device, so a busy feed does not write on every request. */
export async function touchDevice(db: DbOrTx, deviceId: string, lastSeenAt: Date | null): Promise<void> {
  if (lastSeenAt && Date.now() - lastSeenAt.getTime() < LAST_SEEN_GRANULARITY_MS) return;
  const threshold = new Date(Date.now() - LAST_SEEN_GRANULARITY_MS);
  await db
    .update(devices)
    .set({ lastSeenAt: new Date() })
    .where(and(eq(devices.id, deviceId), or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, threshold))));
}
