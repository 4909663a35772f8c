// Short retention for raw device events: whole monthly partitions are dropped once
// they are entirely older than the policy (instant, no table bloat); stragglers in
// the default partition are deleted row by row. The dedupe keys of expired events go
// in the same job, so a vendor id counts as a duplicate for as long as its event is kept.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { retentionPolicies } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';

export const DEFAULT_EVENT_RETENTION_DAYS = 90;

/** Keys deleted per statement, so a backlog (a first run, a shortened policy) never makes one long delete. */
const KEY_BATCH_SIZE = 10_000;

export type ExpireResult = { droppedPartitions: string[]; deletedRows: number; deletedKeys: number };

export async function expireSecurityEvents(
  db: DbOrTx,
  now = new Date(),
  opts: { keyBatchSize?: number } = {},
): Promise<ExpireResult> {
  const [policy] = await db.select().from(retentionPolicies).where(eq(retentionPolicies.entity, 'security_event'));
  const keepDays = policy?.keepDays ?? DEFAULT_EVENT_RETENTION_DAYS;
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000);
  const partitions = (await db.execute(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'security_event'::regclass and c.relname ~ '^security_event_[0-9]{4}_[0-9]{2}$'`)) as unknown as {
    name: string;
  }[];
  const dropped: string[] = [];
  for (const { name } of partitions) {
    const [, y, m] = /_(\d{4})_(\d{2})$/.exec(name) ?? [];
    const end = new Date(Date.UTC(Number(y), Number(m), 1)); // first instant after the month
    if (end <= cutoff) {
      await db.execute(sql.raw(`drop table if exists "${name}"`));
      dropped.push(name);
    }
  }
  const deleted = (await db.execute(
    sql`delete from security_event_default where occurred_at < ${cutoff.toISOString()}::timestamptz returning 1`,
  )) as unknown as unknown[];
  const deletedKeys = await deleteKeysBefore(db, startOfMonth(cutoff), opts.keyBatchSize ?? KEY_BATCH_SIZE);
  if (dropped.length || deleted.length || deletedKeys) {
    await recordAudit(db, {
      actorId: null,
      actorLabel: 'system:retention',
      action: 'retention.security_event',
      detail: { keepDays, droppedPartitions: dropped, deletedRows: deleted.length, deletedKeys },
    });
  }
  return { droppedPartitions: dropped, deletedRows: deleted.length, deletedKeys };
}

/**
 * Keys expire by the month, not the cutoff itself: the month the cutoff falls in keeps
 * its partition, events before the cutoff included, and an event still stored without
 * its key would be stored again on redelivery. (A default-partition straggler from that
 * month keeps its key until the next month's run: a duplicate a little longer, never twice.)
 */
const startOfMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));

async function deleteKeysBefore(db: DbOrTx, before: Date, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = (await db.execute(sql`
      with gone as (
        delete from security_event_key where ctid = any(array(
          select ctid from security_event_key where occurred_at < ${before.toISOString()}::timestamptz limit ${batchSize}))
        returning 1)
      select count(*)::int as n from gone`)) as unknown as { n: number }[];
    const n = row?.n ?? 0;
    total += n;
    if (n < batchSize) return total;
  }
}
