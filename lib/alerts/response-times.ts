import { and, eq, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alerts } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { localToUtc } from '@/lib/domain/time';

export type ResponseTimes = { alerts: number; acknowledged: number; resolved: number; mttaSeconds: number | null; mttrSeconds: number | null };

async function since(db: DbOrTx, storeId: string, from: Date): Promise<ResponseTimes> {
  const [row] = await db
    .select({
      alerts: sql<number>`count(*)::int`,
      acknowledged: sql<number>`count(${alerts.acknowledgedAt})::int`,
      resolved: sql<number>`count(${alerts.resolvedAt})::int`,
      mtta: sql<number | null>`avg(extract(epoch from ${alerts.acknowledgedAt} - ${alerts.createdAt}))::float`,
      mttr: sql<number | null>`avg(extract(epoch from ${alerts.resolvedAt} - ${alerts.createdAt}))::float`,
    })
    .from(alerts)
    .where(and(eq(alerts.storeId, storeId), gte(alerts.createdAt, from)));
  return {
    alerts: row?.alerts ?? 0,
    acknowledged: row?.acknowledged ?? 0,
    resolved: row?.resolved ?? 0,
    mttaSeconds: row?.mtta ?? null,
    mttrSeconds: row?.mttr ?? null,
  };
}

/** Mean time to acknowledge and to resolve, today (store-local) and over the last 7 days. */
export async function storeResponseTimes(db: DbOrTx, actor: Actor, store: { id: string; timezone: string }, now = new Date()) {
  assertCan(actor, 'alert.act', { storeId: store.id });
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: store.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [y, m, d] = local.split('-').map(Number);
  const midnight = localToUtc(y!, m!, d!, 0, 0, store.timezone);
  const [today, week] = await Promise.all([since(db, store.id, midnight), since(db, store.id, new Date(now.getTime() - 7 * 86_400_000))]);
  return { today, week };
}
