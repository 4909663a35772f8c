// The colleague's panic button: a `panic` security event through the same ingest and
// rules path as a hardware panic button, so the store's "Panic button" rule turns it
// into a critical alert on every console. Replays (offline queue) dedupe on the key.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { devices, stores, zones } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import type { AuthenticatedDevice } from '@/lib/devices/authenticate-device';
import { Forbidden, Invalid, NotFound, parseInput } from '@/lib/errors';
import { ingestEvents } from '@/lib/ingest/ingest-events';

export const raisePanicInput = z.object({
  store: z.string().trim().min(1).describe('Store code'),
  zoneId: z.string().uuid().optional(),
  // The press time from the phone: a replay after a dropped connection carries the same
  // time, which (with the key) is what makes it a duplicate rather than a second panic.
  pressedAt: z.coerce.date().optional(),
});

const STAFF_APP_VENDOR = 'vigil';

/** The per-store pseudo-device that staff-app panic presses are recorded against. */
async function staffAppDevice(db: DbOrTx, store: { id: string; code: string; regionId: string; timezone: string }): Promise<AuthenticatedDevice> {
  const ref = `staff-app-${store.code.toLowerCase()}`;
  const find = () =>
    db
      .select({ id: devices.id })
      .from(devices)
      .where(and(eq(devices.vendor, STAFF_APP_VENDOR), eq(devices.vendorRef, ref), eq(devices.status, 'active')));
  let [row] = await find();
  if (!row) {
    // No API key: it is never a network client, only the name panic presses are filed under.
    await db.insert(devices).values({ storeId: store.id, kind: 'sensor', vendor: STAFF_APP_VENDOR, vendorRef: ref, name: 'Staff app panic button' }).onConflictDoNothing();
    [row] = await find();
  }
  return { id: row!.id, kind: 'sensor', vendor: STAFF_APP_VENDOR, vendorRef: ref, storeId: store.id, storeCode: store.code, regionId: store.regionId, timeZone: store.timezone };
}

/**
 * Raises a panic for the actor's store (and zone). `device` is the kiosk the press came
 * from, when it came from one; otherwise the store's staff-app device is used.
 */
export async function raisePanic(
  db: DbOrTx,
  actor: Actor,
  raw: unknown,
  opts: { idempotencyKey: string; device?: AuthenticatedDevice },
): Promise<{ alerts: number; duplicate: boolean }> {
  if (!z.string().uuid().safeParse(opts.idempotencyKey).success) throw new Invalid('The Idempotency-Key header must be a UUID.');
  const input = parseInput(raisePanicInput, raw);
  const [store] = await db.select({ id: stores.id, code: stores.code, regionId: stores.regionId, timezone: stores.timezone }).from(stores).where(eq(stores.code, input.store));
  if (!store) throw new NotFound(`Store ${input.store}`);
  if (opts.device) {
    if (opts.device.storeId !== store.id) throw new Forbidden('This kiosk raises panics for its own store only.');
  } else {
    assertCan(actor, 'incident.report', { storeId: store.id });
  }
  let zoneName: string | null = null;
  if (input.zoneId) {
    const [zone] = await db.select({ storeId: zones.storeId, name: zones.name }).from(zones).where(eq(zones.id, input.zoneId));
    if (zone?.storeId !== store.id) throw new Invalid('That area is not part of this store.', [{ path: 'zoneId', message: 'Unknown area for this store' }]);
    zoneName = zone.name;
  }
  const device = opts.device ?? (await staffAppDevice(db, store));
  const now = new Date();
  const pressedAt = input.pressedAt ?? now;
  if (pressedAt.getTime() > now.getTime() + 5 * 60_000 || pressedAt.getTime() < now.getTime() - 24 * 3600_000) {
    throw new Invalid('The press time is not plausible.', [{ path: 'pressedAt', message: 'Must be within the last 24 hours' }]);
  }
  const result = await ingestEvents(db, device, {
    ok: true,
    items: [
      {
        storeId: store.id,
        deviceId: device.id,
        sourceKind: device.kind,
        vendorEventId: `panic-${opts.idempotencyKey}`,
        type: 'panic',
        occurredAt: pressedAt,
        zoneLabel: zoneName,
        confidence: 1,
        // Who pressed it is in the audit log; the alert itself carries no personal data.
        payload: { via: opts.device ? 'kiosk' : 'staff_app' },
      },
    ],
  });
  await recordAudit(db, { ...auditActor(actor), action: 'panic.raise', entityType: 'store', entityId: store.id, detail: { store: store.code, zone: zoneName, alerts: result.alerts, duplicate: result.duplicates > 0 } });
  return { alerts: result.alerts, duplicate: result.duplicates > 0 };
}
