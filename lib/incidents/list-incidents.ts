import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { incidents, stores, zones } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { ownOnly, scopeFor } from '@/lib/auth/policy';
import { INCIDENT_STATUSES } from '@/lib/domain/enums';
import { Forbidden, parseInput } from '@/lib/errors';

export const listIncidentsQuery = z.object({
  store: z.string().trim().min(1).optional().describe('Store code'),
  status: z.enum(INCIDENT_STATUSES).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/**
 * Incidents the caller may see: overseers (security, managers, admins, investigators)
 * see their stores' incidents; a colleague sees only their own reports.
 */
export async function listIncidents(db: DbOrTx, actor: Actor, raw: unknown) {
  const q = parseInput(listIncidentsQuery, raw);
  const overseer = scopeFor(actor, 'incident.read');
  const conditions = [];
  if (!overseer.all) {
    const own = ownOnly(actor, 'incident.read');
    if (overseer.storeIds.length === 0 && !own) throw new Forbidden("You don't have access to incidents.");
    if (q.store && !actor.stores.some((s) => s.code === q.store)) throw new Forbidden("You don't have access to this store.");
    conditions.push(overseer.storeIds.length ? inArray(incidents.storeId, overseer.storeIds) : eq(incidents.reporterId, actor.id));
  }
  if (q.store) conditions.push(eq(stores.code, q.store));
  if (q.status) conditions.push(eq(incidents.status, q.status));
  if (q.from) conditions.push(gte(incidents.occurredAt, q.from));
  if (q.to) conditions.push(lte(incidents.occurredAt, q.to));
  return db
    .select({
      id: incidents.id,
      ref: incidents.ref,
      storeCode: stores.code,
      zone: zones.name,
      type: incidents.type,
      severity: incidents.severity,
      status: incidents.status,
      occurredAt: incidents.occurredAt,
      reportedAt: incidents.reportedAt,
      lossPence: incidents.lossPence,
      recoveredPence: incidents.recoveredPence,
      source: incidents.source,
    })
    .from(incidents)
    .innerJoin(stores, eq(stores.id, incidents.storeId))
    .leftJoin(zones, eq(zones.id, incidents.zoneId))
    .where(and(...conditions))
    .orderBy(desc(incidents.occurredAt))
    .limit(q.limit);
}
