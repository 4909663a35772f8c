// "Create incident" on an alert: one tap makes an incident pre-filled from the alert
// (store, zone, a likely type, when, why) and links the two. The alert row is locked
// for the whole transaction, so two consoles tapping at once make one incident, not two.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { alerts, incidents, securityEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { INCIDENT_TYPES } from '@/lib/domain/enums';
import { Conflict, Invalid, NotFound, parseInput } from '@/lib/errors';
import { createIncident } from '@/lib/incidents/create-incident';
import type { RealtimePayload } from '@/lib/realtime/rooms';
import { alertForAction, pushAlertUpdate, recordIncidentLink } from './alert-actions';
import { incidentTypeForAlert } from './incident-type-for-alert';

/** Everything is pre-filled from the alert; these override it. */
export const createIncidentFromAlertBody = z.object({
  type: z.enum(INCIDENT_TYPES).optional().describe('Defaults to a type guessed from the alert'),
  zoneId: z.string().uuid().optional().describe("Defaults to the alert's zone"),
  description: z.string().trim().max(4000).optional().describe("Defaults to the alert's title and reason"),
  lossPence: z.number().int().min(0).max(100_000_000).optional(),
});
export const createIncidentFromAlertInput = createIncidentFromAlertBody.extend({ alertId: z.string().uuid() });

export type IncidentFromAlert = { id: string; ref: string; created: boolean; alert: RealtimePayload };

export async function createIncidentFromAlert(
  db: DbOrTx,
  actor: Actor,
  raw: unknown,
  opts: { idempotencyKey: string },
): Promise<IncidentFromAlert> {
  const alertId =
    typeof (raw as { alertId?: unknown } | null)?.alertId === 'string' ? (raw as { alertId: string }).alertId : '';
  const current = await alertForAction(db, alertId);
  assertCan(actor, 'alert.act', { storeId: current.storeId });
  const input = parseInput(createIncidentFromAlertInput, raw);
  if (!z.string().uuid().safeParse(opts.idempotencyKey).success)
    throw new Invalid('The Idempotency-Key header must be a UUID.');

  const [alert] = await db.select().from(alerts).where(eq(alerts.id, current.id));
  if (!alert) throw new NotFound('That alert');
  const events = alert.triggeringEventIds.length
    ? await db
        .select({ type: securityEvents.type, zoneId: securityEvents.zoneId })
        .from(securityEvents)
        .where(
          and(
            eq(securityEvents.storeId, alert.storeId),
            inArray(securityEvents.id, alert.triggeringEventIds.slice(0, 200)),
          ),
        )
    : [];
  const reason = typeof alert.detail.reason === 'string' ? alert.detail.reason : null;
  const prefill = {
    store: current.storeCode,
    zoneId: input.zoneId ?? alert.zoneId ?? events.find((e) => e.zoneId)?.zoneId ?? undefined,
    type:
      input.type ??
      incidentTypeForAlert({ source: alert.source, title: alert.title, eventTypes: events.map((e) => e.type) }),
    occurredAt: alert.createdAt,
    description:
      input.description ?? `${alert.title}${reason ? `: ${reason}` : ''}. Created from the alert in the store console.`,
    lossPence: input.lossPence ?? 0,
    policeCalled: alert.outcome === 'police_called',
  };

  const result = await db.transaction(async (tx) => {
    // Held until commit: a second "Create incident" waits here, then finds the link.
    const [locked] = await tx
      .select({ incidentId: alerts.incidentId })
      .from(alerts)
      .where(eq(alerts.id, current.id))
      .for('update');
    if (locked?.incidentId) {
      const [linked] = await tx
        .select({
          id: incidents.id,
          ref: incidents.ref,
          key: incidents.idempotencyKey,
          reporterId: incidents.reporterId,
        })
        .from(incidents)
        .where(eq(incidents.id, locked.incidentId));
      // The same request again (a retry after a lost response): the same answer.
      if (linked && linked.key === opts.idempotencyKey && linked.reporterId === (actor.system ? null : actor.id))
        return { id: linked.id, ref: linked.ref, created: false };
      throw new Conflict(`This alert is already linked to ${linked?.ref ?? 'an incident'}.`);
    }
    // A savepoint inside this transaction; its incident:new push may arrive a moment before our commit.
    const incident = await createIncident(tx, actor, prefill, {
      idempotencyKey: opts.idempotencyKey,
      source: 'console',
    });
    if (!incident.created) throw new Conflict('That Idempotency-Key was already used for another report. Try again.');
    await tx
      .update(alerts)
      .set({ incidentId: incident.id })
      .where(and(eq(alerts.id, current.id), isNull(alerts.incidentId)));
    await recordIncidentLink(tx, actor, current, incident, 'incident_created', { type: prefill.type });
    return { id: incident.id, ref: incident.ref, created: true };
  });
  const payload = await pushAlertUpdate(db, current, { actedBy: actor.name });
  return { ...result, alert: payload };
}
