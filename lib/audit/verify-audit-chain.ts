// Verifies the audit chain: every row's hash recomputed from the one before. Normally
// only the rows added since the last checkpoint are read (a checkpoint is written after
// each clean run); `full` recomputes from the chain start. The newest signed anchor
// (anchor-audit-log.ts) then shows whether rows were cut from the end.
import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditCheckpoints, auditLog } from '@/db/schema';
import { type Anchor, anchorDir, newestAnchor } from './anchor-file';
import { chainStart, latestCheckpoint, rowHash } from './audit-chain';
import { chainHash } from './record-audit';

export type ChainReport = {
  ok: boolean;
  /** Entries in the chain since it began, pruned ones included. */
  rows: number;
  /** Entries hashed by this run (the rest were verified by an earlier one). */
  checked: number;
  firstBrokenSeq: number | null;
  /** What is wrong, in words, when not ok. */
  problem: string | null;
  /** The newest valid anchor compared against, if there is one. */
  anchor: Pick<Anchor, 'at' | 'seq' | 'rows'> | null;
};

export type VerifyOptions = {
  /** Recompute from the chain start, ignoring checkpoints. */
  full?: boolean;
  /** Where anchors are read from; null skips the anchor check. Defaults to VIGIL_AUDIT_ANCHOR_DIR. */
  anchorDir?: string | null;
  pageSize?: number;
};

export async function verifyAuditChain(db: DbOrTx, opts: VerifyOptions = {}): Promise<ChainReport> {
  const pageSize = opts.pageSize ?? 5000;
  const start = await chainStart(db);
  const checkpoint = opts.full ? null : await latestCheckpoint(db, start);
  const dir = opts.anchorDir === undefined ? anchorDir() : opts.anchorDir;
  const anchor = dir && start.chainId ? await newestAnchor(dir, start.chainId) : null;
  const anchorInfo = anchor && { at: anchor.at, seq: anchor.seq, rows: anchor.rows };
  const broken = (seq: number | null, problem: string, rows: number, checked: number): ChainReport => ({
    ok: false,
    rows,
    checked,
    firstBrokenSeq: seq,
    problem,
    anchor: anchorInfo,
  });
  // An anchored row that was pruned since is fine; one still in the live chain must be intact.
  const anchoredRowGone = async () =>
    !!anchor && anchor.seq > start.seq && (await rowHash(db, anchor.seq)) !== anchor.hash;
  const cutAfterAnchor = () =>
    broken(
      anchor!.seq,
      `Entry ${anchor!.seq}, anchored on ${anchor!.at}, is missing or changed: entries were removed after the anchor.`,
      start.position,
      0,
    );

  if (checkpoint && (await rowHash(db, checkpoint.seq)) !== checkpoint.hash) {
    if (await anchoredRowGone()) return cutAfterAnchor();
    return broken(
      checkpoint.seq,
      `Entry ${checkpoint.seq}, verified earlier, has been changed or removed.`,
      checkpoint.position,
      0,
    );
  }
  const from = checkpoint ?? start;
  let prev = from.hash;
  let after = from.seq;
  let position = from.position;
  let checked = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const r of page) {
      const expected = chainHash(prev, {
        at: r.at,
        actorId: r.actorId,
        actorLabel: r.actorLabel,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        detail: r.detail,
        ip: r.ip,
      });
      if (r.prevHash !== prev || r.hash !== expected) {
        return broken(
          r.seq,
          `Entry ${r.seq} does not match the chain: it, or an entry before it, was changed or removed.`,
          position,
          checked,
        );
      }
      prev = r.hash;
      after = r.seq;
      position++;
      checked++;
    }
    if (page.length < pageSize) break;
  }
  if (anchor && position < anchor.rows) {
    return broken(
      anchor.seq,
      `${anchor.rows - position} entries were removed from the end after the anchor of ${anchor.at} (it counted ${anchor.rows}, the log now has ${position}).`,
      position,
      checked,
    );
  }
  if (await anchoredRowGone()) return { ...cutAfterAnchor(), rows: position, checked };
  // The next run starts here. Only clean runs leave a checkpoint.
  if (checked > 0) await db.insert(auditCheckpoints).values({ seq: after, hash: prev, position });
  return { ok: true, rows: position, checked, firstBrokenSeq: null, problem: null, anchor: anchorInfo };
}
