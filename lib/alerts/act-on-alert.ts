// Acknowledging and resolving alerts. Each is a conditional UPDATE on the current
// status, so when two people act at once exactly one wins and the other is told.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { alerts, stores } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { assertStoreAccess } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit/record-audit';
import type { AlertStatus } from '@/lib/domain/enums';
import { Conflict, NotFound, parseInput } from '@/lib/errors';
import { emitToStore } from '@/lib/realtime/emitter';
import type { RealtimePayload } from '@/lib/realtime/rooms';
import { toAlertPayload } from './list-alerts';

export const ALERT_ACTORS = ['security', 'store_manager', 'regional_manager', 'admin'] as const;
export const ALERT_OUTCOMES = ['false_alarm', 'deterred', 'stopped', 'apprehended', 'police_called', 'loss_confirmed'] as const;

export const resolveAlertInput = z.object({ outcome: z.enum(ALERT_OUTCOMES) });

async function transition(
  db: DbOrTx,
  actor: Actor,
  alertId: string,
  from: AlertStatus[],
  set: PgUpdateSetSource<typeof alerts>,
  action: string,
  detail: Record<string, unknown> = {},
): Promise<RealtimePayload> {
  if (!z.string().uuid().safeParse(alertId).success) throw new NotFound('That alert');
  const [current] = await db
    .select({ storeId: alerts.storeId, status: alerts.status, storeCode: stores.code, regionId: stores.regionId })
    .from(alerts)
    .innerJoin(stores, eq(stores.id, alerts.storeId))
    .where(eq(alerts.id, alertId));
  if (!current) throw new NotFound('That alert');
  assertStoreAccess(actor, current.storeId, ALERT_ACTORS);
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(alerts)
      .set(set)
      .where(and(eq(alerts.id, alertId), inArray(alerts.status, from)))
      .returning();
    if (!updated) return null;
    await recordAudit(tx, { ...auditActor(actor), action, entityType: 'alert', entityId: alertId, detail });
    return updated;
  });
  if (!row) throw new Conflict(`Someone else has already ${current.status === 'resolved' ? 'resolved' : 'acted on'} this alert.`);
  const payload = { ...toAlertPayload({ ...row, storeCode: current.storeCode }), outcome: row.outcome, actedBy: actor.name };
  emitToStore({ storeId: current.storeId, regionId: current.regionId }, 'alert:updated', payload);
  return payload;
}

export async function acknowledgeAlert(db: DbOrTx, actor: Actor, alertId: string): Promise<RealtimePayload> {
  return transition(db, actor, alertId, ['open', 'escalated'], { status: 'acknowledged', acknowledgedAt: new Date(), acknowledgedBy: actor.id }, 'alert.acknowledge');
}

export async function resolveAlert(db: DbOrTx, actor: Actor, alertId: string, raw: unknown): Promise<RealtimePayload> {
  const { outcome } = parseInput(resolveAlertInput, raw);
  return transition(
    db,
    actor,
    alertId,
    ['open', 'escalated', 'acknowledged'],
    {
      status: 'resolved',
      resolvedAt: new Date(),
      resolvedBy: actor.id,
      outcome,
      // Resolving straight away also counts as acknowledging it now (for MTTA).
      acknowledgedAt: sql`coalesce(${alerts.acknowledgedAt}, now())`,
      acknowledgedBy: sql`coalesce(${alerts.acknowledgedBy}, ${actor.id}::uuid)`,
    },
    'alert.resolve',
    { outcome },
  );
}
