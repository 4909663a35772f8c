import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { devices, stores } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, scopeFor } from '@/lib/auth/policy';

/** Devices in the stores the actor administers; never the key (only its first characters). */
export async function listDevices(db: DbOrTx, actor: Actor, opts: { store?: string } = {}) {
  assertCan(actor, 'device.manage');
  const scope = scopeFor(actor, 'device.manage');
  if (!scope.all && scope.storeIds.length === 0) return [];
  return db
    .select({
      id: devices.id,
      name: devices.name,
      kind: devices.kind,
      vendor: devices.vendor,
      vendorRef: devices.vendorRef,
      keyPrefix: devices.apiKeyPrefix,
      status: devices.status,
      lastSeenAt: devices.lastSeenAt,
      createdAt: devices.createdAt,
      storeCode: stores.code,
      storeName: stores.name,
    })
    .from(devices)
    .innerJoin(stores, eq(stores.id, devices.storeId))
    .where(and(scope.all ? undefined : inArray(devices.storeId, scope.storeIds), opts.store ? eq(stores.code, opts.store) : undefined))
    .orderBy(asc(stores.code), asc(devices.kind), asc(devices.name));
}
