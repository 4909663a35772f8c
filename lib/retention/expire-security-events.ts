// Short retention for raw device events: whole monthly partitions are dropped once
// they are entirely older than the policy (instant, no table bloat); stragglers in
// the default partition are deleted row by row.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { retentionPolicies } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';

export const DEFAULT_EVENT_RETENTION_DAYS = 90;

export async function expireSecurityEvents(db: DbOrTx, now = new Date()): Promise<{ droppedPartitions: string[]; deletedRows: number }> {
  const [policy] = await db.select().from(retentionPolicies).where(eq(retentionPolicies.entity, 'security_event'));
  const keepDays = policy?.keepDays ?? DEFAULT_EVENT_RETENTION_DAYS;
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000);
  const partitions = (await db.execute(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'security_event'::regclass and c.relname ~ '^security_event_[0-9]{4}_[0-9]{2}$'`)) as unknown as { name: string }[];
  const dropped: string[] = [];
  for (const { name } of partitions) {
    const [, y, m] = /_(\d{4})_(\d{2})$/.exec(name) ?? [];
    const end = new Date(Date.UTC(Number(y), Number(m), 1)); // first instant after the month
    if (end <= cutoff) {
      await db.execute(sql.raw(`drop table if exists "${name}"`));
      dropped.push(name);
    }
  }
  const deleted = (await db.execute(sql`delete from security_event_default where occurred_at < ${cutoff.toISOString()}::timestamptz returning 1`)) as unknown as unknown[];
  if (dropped.length || deleted.length) {
    await recordAudit(db, { actorId: null, actorLabel: 'system:retention', action: 'retention.security_event', detail: { keepDays, droppedPartitions: dropped, deletedRows: deleted.length } });
  }
  return { droppedPartitions: dropped, deletedRows: deleted.length };
}
