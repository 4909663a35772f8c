// Daily: anchors the audit chain (lib/audit/anchor-audit-log.ts) and forgets expired
// sign-in counters and session revocations.
import type PgBoss from 'pg-boss';
import { getDb } from '@/db/client';
import { anchorAuditLog } from '@/lib/audit/anchor-audit-log';
import { pruneRevokedSessions } from '@/lib/auth/revoked-sessions';
import { pruneRateLimits } from '@/lib/http/db-rate-limit';

const QUEUE = 'audit-anchor';

export async function startAuditAnchor(boss: PgBoss): Promise<void> {
  await boss.createQueue(QUEUE);
  await boss.work(QUEUE, async () => {
    const { file, anchor } = await anchorAuditLog(getDb());
    console.log(`[workers] audit anchored at entry ${anchor.seq} (${anchor.rows} entries): ${file}`);
    await pruneRateLimits(getDb());
    await pruneRevokedSessions(getDb());
  });
  await boss.schedule(QUEUE, '41 2 * * *'); // daily, off-peak
}
