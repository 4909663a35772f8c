import { and, desc, eq, gt, gte, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { alerts, incidents, stores, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { scopeFor } from '@/lib/auth/policy';
import { ALERT_STATUSES } from '@/lib/domain/enums';
import { Forbidden, parseInput } from '@/lib/errors';
import type { RealtimePayload } from '@/lib/realtime/rooms';

export const listAlertsQuery = z.object({
  store: z.string().trim().min(1).optional().describe('Store code'),
  status: z.enum(ALERT_STATUSES).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  resolvedSince: z.coerce
    .date()
    .optional()
    .describe('Only alerts still open, acknowledged or escalated, plus those resolved since this time'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const assignee = alias(users, 'assignee');

const alertColumns = {
  id: alerts.id,
  storeId: alerts.storeId,
  storeCode: stores.code,
  title: alerts.title,
  severity: alerts.severity,
  status: alerts.status,
  source: alerts.source,
  createdAt: alerts.createdAt,
  acknowledgedAt: alerts.acknowledgedAt,
  resolvedAt: alerts.resolvedAt,
  incidentId: alerts.incidentId,
  incidentRef: incidents.ref,
  zoneId: alerts.zoneId,
  outcome: alerts.outcome,
  detail: alerts.detail,
  assigneeId: alerts.assignedTo,
  assigneeName: assignee.name,
  assignedAt: alerts.assignedAt,
};

/** Alerts with their store code, assignee's name and linked incident's reference. */
export const selectAlerts = (db: DbOrTx) =>
  db
    .select(alertColumns)
    .from(alerts)
    .innerJoin(stores, eq(stores.id, alerts.storeId))
    .leftJoin(assignee, eq(assignee.id, alerts.assignedTo))
    .leftJoin(incidents, eq(incidents.id, alerts.incidentId));

/** What toAlertPayload reads: a full alert row, or just the contract's minimum (a freshly raised alert has no joins). */
export type AlertPayloadSource = {
  id: string;
  storeCode: string;
  severity: string;
  status: string;
  createdAt: Date;
  storeId?: string;
  title?: string;
  source?: string;
  acknowledgedAt?: Date | null;
  resolvedAt?: Date | null;
  incidentId?: string | null;
  incidentRef?: string | null;
  zoneId?: string | null;
  outcome?: string | null;
  detail?: Record<string, unknown>;
  assigneeId?: string | null;
  assigneeName?: string | null;
  assignedAt?: Date | null;
};

const iso = (d: Date | null | undefined) => (d instanceof Date ? d.toISOString() : null);

export function toAlertPayload(row: AlertPayloadSource): RealtimePayload {
  const { detail } = row;
  return {
    id: row.id,
    storeId: row.storeId,
    storeCode: row.storeCode,
    title: row.title,
    severity: row.severity,
    status: row.status,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    resolvedAt: iso(row.resolvedAt),
    incidentId: row.incidentId ?? null,
    incidentRef: row.incidentRef ?? null,
    zoneId: row.zoneId ?? null,
    outcome: row.outcome ?? null,
    // What people need from the detail: why it fired and who it went to; the rest stays server-side.
    reason: typeof detail?.reason === 'string' ? detail.reason : null,
    escalatedTo: typeof detail?.escalatedTo === 'string' ? detail.escalatedTo : null,
    assignedTo: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    assignedAt: iso(row.assignedAt),
  };
}

/** One alert as it is pushed and listed; no scope check (callers have done theirs). */
export async function alertPayloadById(db: DbOrTx, alertId: string): Promise<RealtimePayload | null> {
  const [row] = await selectAlerts(db).where(eq(alerts.id, alertId));
  return row ? toAlertPayload(row) : null;
}

/** SQL condition limiting alerts to the stores the actor oversees. */
function scopeCondition(actor: Actor): SQL | undefined {
  const scope = scopeFor(actor, 'alert.read');
  if (scope.all) return undefined;
  if (scope.storeIds.length === 0) throw new Forbidden("You don't have access to any store's alerts.");
  return inArray(alerts.storeId, scope.storeIds);
}

export async function listAlerts(db: DbOrTx, actor: Actor, raw: unknown): Promise<RealtimePayload[]> {
  const q = parseInput(listAlertsQuery, raw);
  const conditions = [scopeCondition(actor)];
  if (q.store) {
    const store = actor.stores.find((s) => s.code === q.store);
    if (!store && !scopeFor(actor, 'alert.read').all) throw new Forbidden("You don't have access to this store.");
    conditions.push(eq(stores.code, q.store));
  }
  if (q.status) conditions.push(eq(alerts.status, q.status));
  if (q.from) conditions.push(gte(alerts.createdAt, q.from));
  if (q.to) conditions.push(lte(alerts.createdAt, q.to));
  if (q.resolvedSince) conditions.push(or(ne(alerts.status, 'resolved'), gte(alerts.resolvedAt, q.resolvedSince)));
  const rows = await selectAlerts(db)
    .where(and(...conditions))
    .orderBy(desc(alerts.createdAt))
    .limit(q.limit);
  return rows.map(toAlertPayload);
}

export const alertsSinceInput = z.object({ after: z.union([z.string().uuid(), z.iso.datetime({ offset: true })]) });

/**
 * What a reconnecting console missed: alerts in scope created (or changed) after
 * `after`, an alert id or an ISO time, oldest first so the client can replay them.
 */
export async function listAlertsSince(db: DbOrTx, actor: Actor, raw: unknown): Promise<RealtimePayload[]> {
  const { after } = parseInput(alertsSinceInput, raw);
  // Compared in SQL: created_at has microseconds that a JS Date would round away,
  // and (created_at, id) orders alerts created in the same microsecond.
  const since = z.string().uuid().safeParse(after).success
    ? sql`(${alerts.createdAt}, ${alerts.id}) > (select a.created_at, a.id from alert a where a.id = ${after})`
    : gt(alerts.createdAt, new Date(after));
  const rows = await selectAlerts(db)
    .where(and(scopeCondition(actor), since))
    .orderBy(alerts.createdAt, alerts.id)
    .limit(1000);
  return rows.map(toAlertPayload);
}
