import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidentEvents, incidents, users, zones } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { OPEN_STATUSES } from './status-transitions';

/** The store's incidents still waiting for action, newest first, each with its timeline. No reporter names. */
export async function triageQueue(db: DbOrTx, actor: Actor, storeId: string, limit = 20) {
  assertCan(actor, 'incident.triage', { storeId: storeId });
  const open = await db
    .select({
      id: incidents.id,
      ref: incidents.ref,
      type: incidents.type,
      severity: incidents.severity,
      status: incidents.status,
      occurredAt: incidents.occurredAt,
      zone: zones.name,
      source: incidents.source,
      lossPence: incidents.lossPence,
      description: incidents.description,
      policeCrimeRef: incidents.policeCrimeRef,
      reporterId: incidents.reporterId,
    })
    .from(incidents)
    .leftJoin(zones, eq(zones.id, incidents.zoneId))
    .where(and(eq(incidents.storeId, storeId), inArray(incidents.status, OPEN_STATUSES)))
    .orderBy(desc(incidents.occurredAt))
    .limit(limit);
  const events = open.length
    ? await db
        .select({ incidentId: incidentEvents.incidentId, kind: incidentEvents.kind, data: incidentEvents.data, at: incidentEvents.createdAt, by: users.name, actorId: incidentEvents.actorId })
        .from(incidentEvents)
        .leftJoin(users, eq(users.id, incidentEvents.actorId))
        .where(inArray(incidentEvents.incidentId, open.map((i) => i.id)))
        .orderBy(asc(incidentEvents.createdAt))
    : [];
  return open.map(({ reporterId, ...i }) => ({
    ...i,
    // Staff see who acted for the store, never who reported: the reporter's own steps
    // (creating it, adding photos) are shown without a name.
    timeline: events
      .filter((e) => e.incidentId === i.id)
      .map(({ actorId, ...e }) => ({ ...e, by: e.kind === 'created' || (actorId !== null && actorId === reporterId) ? null : e.by })),
  }));
}
