// Where the live audit chain starts and where it was last verified: shared by
// verification, anchoring and pruning. A row's `position` counts every row of the
// chain up to it, pruned ones included, so it never changes.
import { and, count, desc, eq, gt, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditChainStarts, auditCheckpoints, auditLog } from '@/db/schema';
import { GENESIS_HASH } from './record-audit';

export type ChainPoint = { seq: number; hash: string; position: number };
export type ChainStart = ChainPoint & { chainId: string | null };

/** The newest chain start (genesis, or the first kept row after a prune). */
export async function chainStart(db: DbOrTx): Promise<ChainStart> {
  const [start] = await db.select().from(auditChainStarts).orderBy(desc(auditChainStarts.id)).limit(1);
  // Migration 0010 makes the genesis row; without it (a hand-restored table) the chain starts at zero.
  return start
    ? { chainId: start.chainId, seq: start.afterSeq, hash: start.prevHash, position: start.position }
    : { chainId: null, seq: 0, hash: GENESIS_HASH, position: 0 };
}

/** The newest checkpoint inside the live chain, if any. */
export async function latestCheckpoint(db: DbOrTx, start: ChainStart): Promise<ChainPoint | null> {
  const [cp] = await db
    .select()
    .from(auditCheckpoints)
    .where(gt(auditCheckpoints.seq, start.seq))
    .orderBy(desc(auditCheckpoints.id))
    .limit(1);
  return cp ? { seq: cp.seq, hash: cp.hash, position: cp.position } : null;
}

/** The last row and its position; counts only the rows after the newest checkpoint. */
export async function chainHead(db: DbOrTx): Promise<ChainStart> {
  const start = await chainStart(db);
  const from = (await latestCheckpoint(db, start)) ?? start;
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  if (!last || last.seq <= from.seq) return { ...from, chainId: start.chainId };
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(gt(auditLog.seq, from.seq), lte(auditLog.seq, last.seq)));
  return { chainId: start.chainId, seq: last.seq, hash: last.hash, position: from.position + n };
}

export async function rowHash(db: DbOrTx, seq: number): Promise<string | null> {
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, seq));
  return row?.hash ?? null;
}
