import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { db } from '../../support/fixtures';

describe('audit chain', () => {
  it('stays intact under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => recordAudit(db(), { actorId: null, actorLabel: 'test', action: 'test.concurrent', detail: { i } })),
    );
    const report = await verifyAuditChain(db());
    expect(report.ok).toBe(true);
    expect(report.rows).toBeGreaterThanOrEqual(20);
  });

  it('finds the first row that was edited after the fact', async () => {
    await recordAudit(db(), { actorId: null, actorLabel: 'test', action: 'test.tamper', detail: { amount: 1 } });
    const [last] = await db().select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    await db().execute(sql`update audit_log set detail = '{"amount": 1000}' where seq = ${last!.seq}`);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, firstBrokenSeq: last!.seq });
    // Put it back so later tests see an intact chain.
    await db().update(auditLog).set({ detail: { amount: 1 } }).where(eq(auditLog.seq, last!.seq));
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
