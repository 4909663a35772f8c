// The alert's own timeline and the plumbing every alert verb shares: one alert_action
// row per action, written in the same transaction as the change it records (so a
// rolled-back change leaves no row), and the push of the changed alert after commit.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { alertActions, alerts, incidentEvents, stores } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record-audit';
import { NotFound } from '@/lib/errors';
import { emitToStore } from '@/lib/realtime/emitter';
import type { RealtimePayload } from '@/lib/realtime/rooms';
import { alertPayloadById } from './list-alerts';

export const ALERT_ACTION_KINDS = alertActions.action.enumValues;
export type AlertActionKind = (typeof ALERT_ACTION_KINDS)[number];

export async function recordAlertAction(
  tx: DbOrTx,
  entry: { alertId: string; action: AlertActionKind; actor: Actor | null; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(alertActions).values({
    alertId: entry.alertId,
    action: entry.action,
    // The CLI operator and system jobs are no user: their rows have no actor id.
    actorId: entry.actor && !entry.actor.system ? entry.actor.id : null,
    detail: entry.detail ?? {},
  });
}

const LINK_AUDIT_ACTION = { incident_created: 'alert.create_incident', incident_linked: 'alert.link_incident' } as const;

/**
 * Both timelines of an alert–incident link: "alert linked" on the incident, and the
 * alert's own action row ("incident created" or "incident linked"), plus the audit entry.
 */
export async function recordIncidentLink(
  tx: DbOrTx,
  actor: Actor,
  alert: { id: string; title: string },
  incident: { id: string; ref: string },
  action: 'incident_created' | 'incident_linked',
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(incidentEvents).values({ incidentId: incident.id, kind: 'alert_linked', actorId: actor.system ? null : actor.id, data: { alertId: alert.id, title: alert.title } });
  await recordAlertAction(tx, { alertId: alert.id, action, actor, detail: { incidentId: incident.id, ref: incident.ref, ...detail } });
  await recordAudit(tx, {
    ...auditActor(actor),
    action: LINK_AUDIT_ACTION[action],
    entityType: 'alert',
    entityId: alert.id,
    detail: { incidentId: incident.id, ref: incident.ref },
  });
}

export type AlertForAction = {
  id: string;
  storeId: string;
  storeCode: string;
  regionId: string;
  status: (typeof alerts.$inferSelect)['status'];
  title: string;
  incidentId: string | null;
  assignedTo: string | null;
};

/** The alert an action is about, with what the permission check and the push need. */
export async function alertForAction(db: DbOrTx, alertId: string): Promise<AlertForAction> {
  if (!z.string().uuid().safeParse(alertId).success) throw new NotFound('That alert');
  const [row] = await db
    .select({
      id: alerts.id,
      storeId: alerts.storeId,
      storeCode: stores.code,
      regionId: stores.regionId,
      status: alerts.status,
      title: alerts.title,
      incidentId: alerts.incidentId,
      assignedTo: alerts.assignedTo,
    })
    .from(alerts)
    .innerJoin(stores, eq(stores.id, alerts.storeId))
    .where(eq(alerts.id, alertId));
  if (!row) throw new NotFound('That alert');
  return row;
}

/** After commit: the alert as every console shows it, pushed to the store's rooms and returned. */
export async function pushAlertUpdate(
  db: DbOrTx,
  alert: Pick<AlertForAction, 'id' | 'storeId' | 'regionId'>,
  extra: Record<string, unknown> = {},
): Promise<RealtimePayload> {
  const payload = await alertPayloadById(db, alert.id);
  if (!payload) throw new NotFound('That alert');
  const full = { ...payload, ...extra };
  emitToStore({ storeId: alert.storeId, regionId: alert.regionId }, 'alert:updated', full);
  return full;
}
