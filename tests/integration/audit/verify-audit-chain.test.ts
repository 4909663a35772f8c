import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { asOwnerWithoutTriggers } from '../../support/audit';
import { db } from '../../support/fixtures';

const write = (n: number, action = 'test.verify') =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      recordAudit(db(), { actorId: null, actorLabel: 'test', action, detail: { amount: i } }),
    ),
  );

const lastSeq = async () =>
  (await db().select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]!.seq;

/** Edits a row behind the trigger's back, runs `check`, then puts the row back. */
async function whileTampered<T>(seq: number, check: () => Promise<T>): Promise<T> {
  return asOwnerWithoutTriggers(async (sql) => {
    const [row] = await sql<{ detail: unknown }[]>`select detail from audit_log where seq = ${seq}`;
    const detail = row!.detail;
    await sql`update audit_log set detail = '{"amount": 1000}' where seq = ${seq}`;
    try {
      return await check();
    } finally {
      await sql`update audit_log set detail = ${sql.json(detail as never)} where seq = ${seq}`;
    }
  });
}

describe('audit chain', () => {
  it('stays intact under concurrent writers', async () => {
    await write(20, 'test.concurrent');
    const report = await verifyAuditChain(db(), { anchorDir: null, full: true });
    expect(report).toMatchObject({ ok: true, problem: null });
    expect(report.rows).toBeGreaterThanOrEqual(20);
  });

  it('finds the first row that was edited after the fact', async () => {
    await write(1, 'test.tamper');
    const seq = await lastSeq();
    const report = await whileTampered(seq, () => verifyAuditChain(db(), { anchorDir: null, full: true }));
    expect(report).toMatchObject({ ok: false, firstBrokenSeq: seq });
    expect(report.problem).toContain(`Entry ${seq}`);
    expect((await verifyAuditChain(db(), { anchorDir: null, full: true })).ok).toBe(true);
  });

  it('after a checkpoint checks only the rows added since, and still finds one edited among them', async () => {
    const all = await verifyAuditChain(db(), { anchorDir: null });
    expect(all.ok).toBe(true);
    expect((await verifyAuditChain(db(), { anchorDir: null })).checked).toBe(0);

    await write(5);
    const next = await verifyAuditChain(db(), { anchorDir: null });
    expect(next).toMatchObject({ ok: true, checked: 5, rows: all.rows + 5 });

    await write(3);
    const seq = await lastSeq();
    const tampered = await whileTampered(seq - 1, () => verifyAuditChain(db(), { anchorDir: null }));
    expect(tampered).toMatchObject({ ok: false, firstBrokenSeq: seq - 1 });
    expect((await verifyAuditChain(db(), { anchorDir: null })).checked).toBe(3);
  });

  it('leaves a change before the checkpoint to the full check, but notices a checkpointed entry rehashed', async () => {
    await write(3);
    await verifyAuditChain(db(), { anchorDir: null });
    const checkpointed = await lastSeq();
    await write(2);
    await whileTampered(checkpointed - 1, async () => {
      expect((await verifyAuditChain(db(), { anchorDir: null })).ok).toBe(true);
      expect(await verifyAuditChain(db(), { anchorDir: null, full: true })).toMatchObject({
        ok: false,
        firstBrokenSeq: checkpointed - 1,
      });
    });

    // Recomputing the hashes from an edited row onwards would hide the edit from a walk
    // that starts after it, but not from the checkpoint's own record of its hash.
    const head = await lastSeq(); // the newest checkpoint, left by the runs above
    const report = await asOwnerWithoutTriggers(async (sql) => {
      const [row] = await sql<{ hash: string }[]>`select hash from audit_log where seq = ${head}`;
      const hash = row!.hash;
      await sql`update audit_log set hash = ${'f'.repeat(64)} where seq = ${head}`;
      try {
        return await verifyAuditChain(db(), { anchorDir: null });
      } finally {
        await sql`update audit_log set hash = ${hash} where seq = ${head}`;
      }
    });
    expect(report).toMatchObject({ ok: false, firstBrokenSeq: head });
    expect(report.problem).toMatch(/verified earlier/);
  });
});
