import { and, desc, eq, gte, inArray, lt, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { devices, securityEvents, stores, zones } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { scopeFor } from '@/lib/auth/policy';
import { Forbidden, Invalid, parseInput } from '@/lib/errors';

export const listEventsQuery = z.object({
  store: z.string().trim().min(1).optional().describe('Store code'),
  device: z.string().uuid().optional(),
  type: z.string().trim().min(1).max(60).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().optional().describe('nextCursor from the previous page'),
});

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
/** Ours are about 90 characters; anything much longer is not one. */
const MAX_CURSOR_LENGTH = 200;

/**
 * Reads a cursor back, accepting only exactly what encodeCursor makes: a garbled or
 * hand-made one (a non-uuid id, a year PostgreSQL cannot hold) would otherwise reach the
 * query and fail there as a 500.
 */
function decodeCursor(cursor: string): { at: Date; id: string } {
  const invalid = new Invalid('That cursor is not valid; start again without it.', [
    { path: 'cursor', message: 'Use nextCursor from the previous page, unchanged' },
  ]);
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalid;
  const parts = Buffer.from(cursor, 'base64url').toString().split('|');
  if (parts.length !== 2) throw invalid;
  const [at = '', id = ''] = parts;
  const date = new Date(at);
  // A four-digit year: toISOString writes others as ±YYYYYY, some beyond PostgreSQL's range.
  const plausible = !Number.isNaN(date.getTime()) && date.toISOString() === at && /^\d{4}-/.test(at);
  if (!plausible || !z.uuid().safeParse(id).success) throw invalid;
  return { at: date, id };
}

/** Stored security events in the caller's stores, newest first, a page at a time. */
export async function listEvents(db: DbOrTx, actor: Actor, raw: unknown) {
  const q = parseInput(listEventsQuery, raw);
  const scope = scopeFor(actor, 'event.read');
  if (!scope.all && scope.storeIds.length === 0) throw new Forbidden("You don't have access to any store's events.");
  if (q.store && !scope.all && !actor.stores.some((s) => s.code === q.store && scope.storeIds.includes(s.id))) {
    throw new Forbidden("You don't have access to this store.");
  }
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await db
    .select({
      id: securityEvents.id,
      occurredAt: securityEvents.occurredAt,
      receivedAt: securityEvents.receivedAt,
      storeCode: stores.code,
      deviceId: securityEvents.deviceId,
      device: devices.name,
      sourceKind: securityEvents.sourceKind,
      type: securityEvents.type,
      zone: zones.name,
      zoneLabel: securityEvents.zoneLabel,
      confidence: securityEvents.confidence,
      vendorEventId: securityEvents.vendorEventId,
      payload: securityEvents.payload,
    })
    .from(securityEvents)
    .innerJoin(stores, eq(stores.id, securityEvents.storeId))
    .innerJoin(devices, eq(devices.id, securityEvents.deviceId))
    .leftJoin(zones, eq(zones.id, securityEvents.zoneId))
    .where(
      and(
        scope.all ? undefined : inArray(securityEvents.storeId, scope.storeIds),
        q.store ? eq(stores.code, q.store) : undefined,
        q.device ? eq(securityEvents.deviceId, q.device) : undefined,
        q.type ? eq(securityEvents.type, q.type) : undefined,
        q.from ? gte(securityEvents.occurredAt, q.from) : undefined,
        q.to ? lte(securityEvents.occurredAt, q.to) : undefined,
        after
          ? or(
              lt(securityEvents.occurredAt, after.at),
              and(eq(securityEvents.occurredAt, after.at), lt(securityEvents.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(securityEvents.occurredAt), desc(securityEvents.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { events: page, nextCursor: rows.length > q.limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}
