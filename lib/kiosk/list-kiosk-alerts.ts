import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alerts, stores, zones } from '@/db/schema';
import type { AuthenticatedDevice } from '@/lib/devices/authenticate-device';
import type { KioskAlert } from '@/lib/realtime/kiosk-payload';

/** The kiosk's store's open alerts for its banner: non-personal by construction. */
export async function listKioskAlerts(db: DbOrTx, device: AuthenticatedDevice, limit = 5): Promise<KioskAlert[]> {
  const rows = await db
    .select({ id: alerts.id, storeCode: stores.code, title: alerts.title, severity: alerts.severity, status: alerts.status, zone: zones.name, createdAt: alerts.createdAt })
    .from(alerts)
    .innerJoin(stores, eq(stores.id, alerts.storeId))
    .leftJoin(zones, eq(zones.id, alerts.zoneId))
    .where(and(eq(alerts.storeId, device.storeId), inArray(alerts.status, ['open', 'acknowledged', 'escalated'])))
    .orderBy(desc(alerts.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
