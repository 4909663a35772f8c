import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { devices } from '@/db/schema';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { authenticateDevice, type AuthenticatedDevice } from '@/lib/devices/authenticate-device';
import { createDevice } from '@/lib/devices/create-device';
import type { DeviceKind } from '@/lib/domain/enums';
import type { NormalisedEvent, SecurityEventType } from '@/lib/ingest/types';
import { db } from './fixtures';

/** A freshly registered device at `store`, authenticated as the ingest routes would. */
export async function deviceAt(
  store: string,
  kind: DeviceKind = 'sensor',
): Promise<AuthenticatedDevice & { apiKey: string }> {
  const { apiKey } = await createDevice(db(), CLI_OPERATOR, { store, kind, vendor: 'test' });
  return { ...(await authenticateDevice(db(), `Bearer ${apiKey}`, kind === 'kiosk' ? 'kiosk' : 'ingest')), apiKey };
}

export function event(
  device: AuthenticatedDevice,
  type: SecurityEventType,
  at = new Date(),
  zone: string | null = null,
): NormalisedEvent {
  return {
    storeId: device.storeId,
    deviceId: device.id,
    sourceKind: device.kind,
    vendorEventId: randomUUID(),
    type,
    occurredAt: at,
    zoneLabel: zone,
    confidence: null,
    payload: {},
  };
}

export async function revoke(deviceId: string) {
  await db().update(devices).set({ status: 'revoked', revokedAt: new Date() }).where(eq(devices.id, deviceId));
}
