// Acknowledging and resolving alerts. Each is a conditional UPDATE on the current
// status, so when two people act at once exactly one wins and the other is told.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { alerts } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import type { AlertStatus } from '@/lib/domain/enums';
import { Conflict, parseInput } from '@/lib/errors';
import type { RealtimePayload } from '@/lib/realtime/rooms';
import { type AlertActionKind, alertForAction, pushAlertUpdate, recordAlertAction } from './alert-actions';

export const ALERT_OUTCOMES = ['false_alarm', 'deterred', 'stopped', 'apprehended', 'police_called', 'loss_confirmed'] as const;

export const resolveAlertInput = z.object({ outcome: z.enum(ALERT_OUTCOMES) });

async function transition(
  db: DbOrTx,
  actor: Actor,
  alertId: string,
  from: AlertStatus[],
  set: PgUpdateSetSource<typeof alerts>,
  action: { audit: string; kind: AlertActionKind },
  detail: Record<string, unknown> = {},
): Promise<RealtimePayload> {
  const current = await alertForAction(db, alertId);
  assertCan(actor, 'alert.act', { storeId: current.storeId });
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(alerts)
      .set(set)
      .where(and(eq(alerts.id, alertId), inArray(alerts.status, from)))
      .returning({ id: alerts.id });
    if (!updated) return null;
    await recordAlertAction(tx, { alertId, action: action.kind, actor, detail });
    await recordAudit(tx, { ...auditActor(actor), action: action.audit, entityType: 'alert', entityId: alertId, detail });
    return updated;
  });
  if (!row) throw new Conflict(`Someone else has already ${current.status === 'resolved' ? 'resolved' : 'acted on'} this alert.`);
  return pushAlertUpdate(db, current, { actedBy: actor.name });
}

export async function acknowledgeAlert(db: DbOrTx, actor: Actor, alertId: string): Promise<RealtimePayload> {
  return transition(db, actor, alertId, ['open', 'escalated'], { status: 'acknowledged', acknowledgedAt: new Date(), acknowledgedBy: actor.id }, { audit: 'alert.acknowledge', kind: 'acknowledged' });
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
    { audit: 'alert.resolve', kind: 'resolved' },
    { outcome },
  );
}
