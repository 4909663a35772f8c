import { asc, eq, lte, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { pruneAuditLog } from '@/lib/audit/prune-audit-log';
import { recordAudit } from '@/lib/audit/record-audit';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { db } from '../../support/fixtures';

const write = (action: string) => recordAudit(db(), { actorId: null, actorLabel: 'test', action });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as Error & { cause?: { code?: string; message?: string } },
  );

describe('audit log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    await write('test.append_only');
    for (const statement of [
      sql`update audit_log set action = 'test.rewritten' where action = 'test.append_only'`,
      sql`delete from audit_log where action = 'test.append_only'`,
      sql`truncate audit_log`,
      sql`delete from audit_chain_start`,
    ]) {
      const error = await refusal(db().execute(statement));
      expect(error).not.toBeNull();
      expect(error!.cause?.code).toBe('42501');
      expect(error!.cause?.message).toMatch(/append-only/);
    }
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'test.append_only'))).toHaveLength(1);
  });

  it('prunes only an old, verified prefix through audit_log_prune, and the chain still verifies', async () => {
    await write('test.prune.old');
    const [cutoff] = await db().execute<{ t: string }>(sql`select clock_timestamp()::text as t`);
    await new Promise((r) => setTimeout(r, 20));
    await write('test.prune.new');

    const before = await verifyAuditChain(db(), { anchorDir: null, full: true });
    expect(before.ok).toBe(true);
    const { removed } = await pruneAuditLog(db(), new Date(cutoff!.t));
    expect(removed).toBeGreaterThan(0);

    const left = await db().select().from(auditLog).orderBy(asc(auditLog.seq));
    expect(left.some((r) => r.action === 'test.prune.old')).toBe(false);
    expect(left.some((r) => r.action === 'test.prune.new')).toBe(true);
    expect(left.at(-1)).toMatchObject({ action: 'audit.prune', detail: { removed } });

    // Positions count pruned rows too: the chain is one entry (the prune's own) longer.
    const after = await verifyAuditChain(db(), { anchorDir: null, full: true });
    expect(after).toMatchObject({ ok: true, rows: before.rows + 1 });
    expect(await verifyAuditChain(db(), { anchorDir: null })).toMatchObject({ ok: true });
  });

  it('does not prune rows no verification has seen', async () => {
    await verifyAuditChain(db(), { anchorDir: null });
    const [cp] = await db().execute<{ seq: string }>(sql`select max(seq)::text as seq from audit_checkpoint`);
    await write('test.prune.unverified');
    // Straight to the database function, without the verify pruneAuditLog does first.
    await db().execute(sql`select audit_log_prune(now() + interval '1 day')`);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'test.prune.unverified'))).toHaveLength(1);
    expect(
      await db()
        .select()
        .from(auditLog)
        .where(lte(auditLog.seq, Number(cp!.seq))),
    ).toHaveLength(0);
    expect((await verifyAuditChain(db(), { anchorDir: null, full: true })).ok).toBe(true);
  });
});
