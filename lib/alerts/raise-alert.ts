// Saving an alert, then telling people: the row is committed before anything is
// pushed, so a console that was offline finds it again with `alerts:since`.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alerts, stores } from '@/db/schema';
import type { ALERT_SOURCES, Severity } from '@/lib/domain/enums';
import { ESCALATE_ALERT_QUEUE, getQueue } from '@/lib/jobs/queue';
import { pushCriticalAlert } from '@/lib/push/push-critical-alert';
import { emitToStore } from '@/lib/realtime/emitter';
import { toAlertPayload } from './list-alerts';

export type NewAlert = {
  storeId: string;
  ruleId: string | null;
  zoneId: string | null;
  title: string;
  severity: Severity;
  source: (typeof ALERT_SOURCES)[number];
  triggeringEventIds: string[];
  detail?: Record<string, unknown>;
  escalationDelaySeconds?: number;
};

export type SavedAlert = typeof alerts.$inferSelect;

export async function insertAlert(db: DbOrTx, a: NewAlert): Promise<SavedAlert> {
  const [row] = await db
    .insert(alerts)
    .values({
      storeId: a.storeId,
      ruleId: a.ruleId,
      zoneId: a.zoneId,
      title: a.title,
      severity: a.severity,
      source: a.source,
      triggeringEventIds: a.triggeringEventIds,
      detail: { ...a.detail, escalationDelaySeconds: a.escalationDelaySeconds ?? null },
    })
    .returning();
  return row!;
}

/** After commit: push `alert:new` and schedule the escalation check. */
export async function announceAlert(db: DbOrTx, alert: SavedAlert, escalationDelaySeconds: number | null): Promise<void> {
  const [store] = await db.select({ code: stores.code, regionId: stores.regionId }).from(stores).where(eq(stores.id, alert.storeId));
  if (!store) return;
  emitToStore({ storeId: alert.storeId, regionId: store.regionId }, 'alert:new', toAlertPayload({ ...alert, storeCode: store.code }));
  if (alert.severity === 'critical') {
    await pushCriticalAlert(db, alert, store.code).catch((e: Error) => console.error(`[alerts] push for ${alert.id} failed:`, e.message));
  }
  if (escalationDelaySeconds !== null && escalationDelaySeconds > 0) {
    try {
      const queue = await getQueue();
      await queue.send(ESCALATE_ALERT_QUEUE, { alertId: alert.id }, { startAfter: escalationDelaySeconds, retryLimit: 5 });
    } catch (e) {
      // The alert is saved and pushed; a missing escalation is logged for operators.
      console.error(`[alerts] could not schedule escalation of ${alert.id}:`, (e as Error).message);
    }
  }
}
