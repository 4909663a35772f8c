import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidentEvents, incidents, stores, users, zones } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { IncidentStatus, IncidentType } from '@/lib/domain/enums';

export type MyReportStep = { at: Date; kind: 'created' | 'status_changed' | 'message_to_reporter'; status?: IncidentStatus; text?: string; from?: string };
export type MyReport = {
  id: string;
  ref: string;
  type: IncidentType;
  status: IncidentStatus;
  storeCode: string;
  zone: string | null;
  occurredAt: Date;
  timeZone: string;
  policeCrimeRef: string | null;
  steps: MyReportStep[];
};

/**
 * The signed-in person's own reports with what happened to them. Team notes stay
 * internal: the reporter sees status changes and the messages written to them.
 */
export async function listMyReports(db: DbOrTx, actor: Actor, limit = 50): Promise<MyReport[]> {
  const rows = await db
    .select({
      id: incidents.id,
      ref: incidents.ref,
      type: incidents.type,
      status: incidents.status,
      storeCode: stores.code,
      timeZone: stores.timezone,
      zone: zones.name,
      occurredAt: incidents.occurredAt,
      policeCrimeRef: incidents.policeCrimeRef,
    })
    .from(incidents)
    .innerJoin(stores, eq(stores.id, incidents.storeId))
    .leftJoin(zones, eq(zones.id, incidents.zoneId))
    .where(eq(incidents.reporterId, actor.id))
    .orderBy(desc(incidents.reportedAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const events = await db
    .select({ incidentId: incidentEvents.incidentId, kind: incidentEvents.kind, data: incidentEvents.data, at: incidentEvents.createdAt, author: users.name })
    .from(incidentEvents)
    .leftJoin(users, eq(users.id, incidentEvents.actorId))
    .where(and(inArray(incidentEvents.incidentId, rows.map((r) => r.id)), inArray(incidentEvents.kind, ['created', 'status_changed', 'message_to_reporter'])))
    // One status change writes its status row and its message in the same statement (same
    // time), so the kind breaks the tie: the status first, then what was said about it.
    .orderBy(asc(incidentEvents.createdAt), sql`case ${incidentEvents.kind} when 'created' then 0 when 'status_changed' then 1 else 2 end`);
  return rows.map((r) => ({
    ...r,
    steps: events
      .filter((e) => e.incidentId === r.id)
      .map((e): MyReportStep => {
        if (e.kind === 'status_changed') return { at: e.at, kind: 'status_changed', status: e.data.to as IncidentStatus };
        if (e.kind === 'message_to_reporter') return { at: e.at, kind: 'message_to_reporter', text: String(e.data.text ?? ''), from: e.author?.split(' ')[0] ?? 'Your manager' };
        return { at: e.at, kind: 'created' };
      }),
  }));
}
