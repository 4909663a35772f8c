// "Link to incident": ties an alert to an incident already reported at the same
// store, on both timelines. An alert has at most one incident; the conditional
// update keeps it that way when two people link at once.
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { alerts, incidents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { Conflict, Invalid, parseInput } from '@/lib/errors';
import type { RealtimePayload } from '@/lib/realtime/rooms';
import { alertForAction, pushAlertUpdate, recordIncidentLink } from './alert-actions';

export const INCIDENT_REF_PATTERN = /^INC-\d{4}-\d{6,}$/;

export const linkAlertBody = z.object({
  incidentRef: z
    .string()
    .trim()
    .toUpperCase()
    .regex(INCIDENT_REF_PATTERN, 'Enter a reference like INC-2026-000123')
    .describe('The incident reference, e.g. INC-2026-000123'),
});
export const linkAlertInput = linkAlertBody.extend({ alertId: z.string().uuid() });

export async function linkAlertToIncident(db: DbOrTx, actor: Actor, raw: unknown): Promise<RealtimePayload> {
  const alertId =
    typeof (raw as { alertId?: unknown } | null)?.alertId === 'string' ? (raw as { alertId: string }).alertId : '';
  const current = await alertForAction(db, alertId);
  assertCan(actor, 'alert.act', { storeId: current.storeId });
  const { incidentRef } = parseInput(linkAlertInput, raw);

  // Filtered by the alert's store in SQL: another store's incident reads exactly like a
  // missing one, so the answer reveals nothing about references elsewhere.
  const [incident] = await db
    .select({ id: incidents.id, ref: incidents.ref })
    .from(incidents)
    .where(and(eq(incidents.ref, incidentRef), eq(incidents.storeId, current.storeId)));
  if (!incident) {
    throw new Invalid(`There is no ${incidentRef} at this store. Check the reference.`, [
      { path: 'incidentRef', message: 'No incident with this reference at this store' },
    ]);
  }
  if (current.incidentId === incident.id) return pushAlertUpdate(db, current, { actedBy: actor.name });

  const linked = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(alerts)
      .set({ incidentId: incident.id })
      .where(and(eq(alerts.id, current.id), isNull(alerts.incidentId)))
      .returning({ id: alerts.id });
    if (!row) return false;
    await recordIncidentLink(tx, actor, current, incident, 'incident_linked');
    return true;
  });
  if (!linked) {
    const [now] = await db
      .select({ ref: incidents.ref })
      .from(alerts)
      .innerJoin(incidents, eq(incidents.id, alerts.incidentId))
      .where(eq(alerts.id, current.id));
    // Someone else linked the same incident a moment earlier: that is what was asked for.
    if (now?.ref === incident.ref) return pushAlertUpdate(db, current, { actedBy: actor.name });
    throw new Conflict(`This alert is already linked to ${now?.ref ?? 'another incident'}.`);
  }
  return pushAlertUpdate(db, current, { actedBy: actor.name });
}
