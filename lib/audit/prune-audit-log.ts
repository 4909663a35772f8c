// Retention for the audit trail itself. Rows leave only through the database function
// audit_log_prune (migration 0010), which removes a verified prefix of the chain and
// records where the chain now starts, so verification keeps passing.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { recordAudit } from './record-audit';
import { verifyAuditChain } from './verify-audit-chain';

/** Removes entries older than `before` (only ones already verified); returns how many. */
export async function pruneAuditLog(db: DbOrTx, before: Date): Promise<{ removed: number }> {
  // The function removes only verified rows: verify first so the newest are checkpointed.
  await verifyAuditChain(db, { anchorDir: null });
  const rows = await db.execute<{ removed: string }>(
    sql`select audit_log_prune(${before.toISOString()}::timestamptz) as removed`,
  );
  const removed = Number(rows[0]?.removed ?? 0);
  if (removed > 0)
    await recordAudit(db, {
      actorId: null,
      actorLabel: 'system',
      action: 'audit.prune',
      entityType: 'audit_log',
      detail: { before: before.toISOString(), removed },
    });
  return { removed };
}
