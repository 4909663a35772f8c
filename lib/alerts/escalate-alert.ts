import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alerts, stores } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { pushAlertUpdate, recordAlertAction } from './alert-actions';

/** Roles in order of seniority: an unacknowledged alert climbs past its recipients. */
export const ESCALATION_LADDER = ['security', 'store_manager', 'regional_manager'] as const;

export function escalationTarget(recipients: unknown, level: number): (typeof ESCALATION_LADDER)[number] {
  const held = Array.isArray(recipients) ? recipients : [];
  const highest = Math.max(-1, ...held.map((r) => ESCALATION_LADDER.indexOf(r as (typeof ESCALATION_LADDER)[number])));
  return ESCALATION_LADDER[Math.min(highest + level, ESCALATION_LADDER.length - 1)]!;
}

/**
 * Escalates an alert nobody acknowledged in time. The conditional update makes it a
 * no-op once someone has acknowledged or resolved it, even if they did so a moment ago.
 */
export async function escalateAlert(db: DbOrTx, alertId: string): Promise<boolean> {
  const escalated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(alerts)
      .set({ status: 'escalated', escalatedAt: new Date(), escalationLevel: sql`${alerts.escalationLevel} + 1` })
      .where(and(eq(alerts.id, alertId), eq(alerts.status, 'open')))
      .returning();
    if (!row) return null;
    const to = escalationTarget(row.detail.recipients, row.escalationLevel);
    await tx.update(alerts).set({ detail: { ...row.detail, escalatedTo: to } }).where(eq(alerts.id, row.id));
    await recordAlertAction(tx, { alertId: row.id, action: 'escalated', actor: null, detail: { to, level: row.escalationLevel } });
    await recordAudit(tx, { actorId: null, actorLabel: 'system:escalation', action: 'alert.escalate', entityType: 'alert', entityId: row.id, detail: { to } });
    return row;
  });
  if (!escalated) return false;
  const [store] = await db.select({ regionId: stores.regionId }).from(stores).where(eq(stores.id, escalated.storeId));
  if (store) await pushAlertUpdate(db, { id: escalated.id, storeId: escalated.storeId, regionId: store.regionId });
  return true;
}
