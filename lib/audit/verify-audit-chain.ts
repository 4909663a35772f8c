import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { chainHash, GENESIS_HASH } from './record-audit';

export type ChainReport = { ok: boolean; rows: number; firstBrokenSeq: number | null };

/** Recomputes the chain end to end in pages; reports the first row that does not match. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let after = 0;
  let rows = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(pageSize);
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
      if (r.prevHash !== prev || r.hash !== expected) return { ok: false, rows, firstBrokenSeq: r.seq };
      prev = r.hash;
      rows++;
    }
    if (page.length < pageSize) return { ok: true, rows, firstBrokenSeq: null };
    after = page[page.length - 1]!.seq;
  }
}
