// Daily anchors of the audit chain: the head's seq, hash and row count, written both as
// an `audit.anchor` entry in the log and as a small signed file outside the database
// (anchor-file.ts). Someone able to delete rows and disable the trigger can rebuild a
// consistent chain from the database alone, but not the files: verification compares
// the chain with the newest valid anchor and reports rows cut from the end.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { type Anchor, anchorDir, writeAnchorFile } from './anchor-file';
import { chainHead } from './audit-chain';
import { recordAudit } from './record-audit';
import { verifyAuditChain } from './verify-audit-chain';

/**
 * Appends the `audit.anchor` entry and writes the file for the head *including* that
 * entry, so cutting even the anchor entry itself is noticed.
 */
export async function anchorAuditLog(db: DbOrTx, dir = anchorDir()): Promise<{ file: string; anchor: Anchor }> {
  // Verifying first leaves a checkpoint at the head, so counting the rows below is cheap.
  const report = await verifyAuditChain(db, { anchorDir: null });
  const anchor = await db.transaction(async (tx) => {
    // Holding the writers' lock: the entry appended here is the head read back below.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('vigil.audit_log'))`);
    const before = await chainHead(tx);
    await recordAudit(tx, {
      actorId: null,
      actorLabel: 'system',
      action: 'audit.anchor',
      entityType: 'audit_log',
      entityId: String(before.seq),
      detail: { seq: before.seq, hash: before.hash, rows: before.position, chainOk: report.ok },
    });
    const head = await chainHead(tx);
    return {
      v: 1 as const,
      chainId: head.chainId ?? 'none',
      seq: head.seq,
      hash: head.hash,
      rows: head.position,
      at: new Date().toISOString(),
    };
  });
  return { file: await writeAnchorFile(dir, anchor), anchor };
}
