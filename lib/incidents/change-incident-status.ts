import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { incidentEvents, incidents, stores } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { INCIDENT_STATUSES } from '@/lib/domain/enums';
import { Conflict, Invalid, NotFound, parseInput } from '@/lib/errors';
import { humanise } from '@/lib/domain/format';
import { pushInBackground } from '@/lib/push/send-push';
import { emitToStore } from '@/lib/realtime/emitter';
import { canMove } from './status-transitions';

export const changeIncidentStatusInput = z.object({
  id: z.string().uuid(),
  to: z.enum(INCIDENT_STATUSES),
  crimeRef: z.string().trim().max(60).optional(),
  comment: z.string().trim().max(2000).optional(),
  messageToReporter: z.string().trim().max(1000).optional(),
  /** The status the person was looking at; a stale view gets a Conflict instead of overwriting. */
  from: z.enum(INCIDENT_STATUSES),
});

/** Moves an incident along its lifecycle, with its timeline, audit row and a live update. */
export async function changeIncidentStatus(db: DbOrTx, actor: Actor, raw: unknown) {
  const input = parseInput(changeIncidentStatusInput, raw);
  const [current] = await db
    .select({ reporterId: incidents.reporterId, storeId: incidents.storeId, status: incidents.status, ref: incidents.ref, storeCode: stores.code, regionId: stores.regionId, severity: incidents.severity, createdAt: incidents.createdAt })
    .from(incidents)
    .innerJoin(stores, eq(stores.id, incidents.storeId))
    .where(eq(incidents.id, input.id));
  if (!current) throw new NotFound('That incident');
  assertCan(actor, 'incident.triage', { storeId: current.storeId });
  if (!canMove(input.from, input.to)) throw new Invalid(`An incident that is ${input.from.replace(/_/g, ' ')} can't become ${input.to.replace(/_/g, ' ')}.`, [{ path: 'to', message: 'Not allowed from the current status' }]);
  if (input.to === 'referred_to_police' && !input.crimeRef) {
    throw new Invalid('Add the police crime reference.', [{ path: 'crimeRef', message: 'Required when referring to police' }]);
  }
  const now = new Date();
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(incidents)
      .set({
        status: input.to,
        updatedAt: now,
        ...(input.from === 'reported' ? { triagedAt: now } : {}),
        ...(input.to === 'closed' ? { closedAt: now } : {}),
        ...(input.crimeRef ? { policeCrimeRef: input.crimeRef, policeCalled: true } : {}),
      })
      .where(and(eq(incidents.id, input.id), eq(incidents.status, input.from)))
      .returning({ id: incidents.id, status: incidents.status });
    if (!row) return null;
    const by = actor.system ? null : actor.id;
    await tx.insert(incidentEvents).values([
      { incidentId: input.id, kind: 'status_changed', actorId: by, data: { from: input.from, to: input.to, ...(input.crimeRef ? { crimeRef: input.crimeRef } : {}) } },
      ...(input.comment ? [{ incidentId: input.id, kind: 'comment' as const, actorId: by, data: { text: input.comment } }] : []),
      ...(input.messageToReporter ? [{ incidentId: input.id, kind: 'message_to_reporter' as const, actorId: by, data: { text: input.messageToReporter } }] : []),
    ]);
    await recordAudit(tx, { ...auditActor(actor), action: 'incident.status', entityType: 'incident', entityId: input.id, detail: { from: input.from, to: input.to } });
    return row;
  });
  if (!updated) throw new Conflict(`Someone else has already moved ${current.ref} on. Refresh to see where it is.`);
  emitToStore({ storeId: current.storeId, regionId: current.regionId }, 'incident:updated', {
    id: input.id,
    ref: current.ref,
    storeCode: current.storeCode,
    severity: current.severity,
    status: input.to,
    createdAt: current.createdAt.toISOString(),
  });
  if (current.reporterId && current.reporterId !== actor.id) {
    pushInBackground(db, [current.reporterId], {
      title: `Your report ${current.ref}: ${humanise(input.to)}`,
      body: input.messageToReporter ?? 'Open Vigil to see what happened to your report.',
      url: '/my-reports',
      tag: `incident-${input.id}`,
      kind: 'report',
    });
  }
  return { id: input.id, ref: current.ref, status: input.to };
}
