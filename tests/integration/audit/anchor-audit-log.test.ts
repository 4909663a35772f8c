import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { desc, gte } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { anchorAuditLog } from '@/lib/audit/anchor-audit-log';
import { recordAudit } from '@/lib/audit/record-audit';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { asOwnerWithoutTriggers } from '../../support/audit';
import { db } from '../../support/fixtures';

const dirs: string[] = [];
const anchorDirFor = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vigil-anchors-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

const write = (n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      recordAudit(db(), { actorId: null, actorLabel: 'test', action: 'test.anchor', detail: { i } }),
    ),
  );

/** Deletes the newest `n` rows behind the trigger's back, runs `check`, then puts them back. */
async function whileCut<T>(n: number, check: () => Promise<T>): Promise<T> {
  const rows = await db().select().from(auditLog).orderBy(desc(auditLog.seq)).limit(n);
  const from = rows.at(-1)!.seq;
  await asOwnerWithoutTriggers((sql) => sql`delete from audit_log where seq >= ${from}`);
  try {
    return await check();
  } finally {
    await db().insert(auditLog).values(rows);
  }
}

describe('audit anchors', () => {
  it('writes the head as an audit.anchor entry and a signed file that verification then checks', async () => {
    const dir = await anchorDirFor();
    await write(3);
    const { file, anchor } = await anchorAuditLog(db(), dir);

    const [head] = await db().select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(head).toMatchObject({ action: 'audit.anchor', seq: anchor.seq, hash: anchor.hash });
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ seq: anchor.seq, hash: anchor.hash, rows: anchor.rows });
    expect(saved.mac).toMatch(/^[0-9a-f]{64}$/);

    const report = await verifyAuditChain(db(), { anchorDir: dir });
    expect(report).toMatchObject({ ok: true, rows: anchor.rows, anchor: { seq: anchor.seq, rows: anchor.rows } });
  });

  it('says entries were removed after the anchor when the last rows are cut, even if the chain left is consistent', async () => {
    const dir = await anchorDirFor();
    await write(4);
    const { anchor } = await anchorAuditLog(db(), dir);

    const report = await whileCut(3, () => verifyAuditChain(db(), { anchorDir: dir }));
    expect(report.ok).toBe(false);
    expect(report.problem).toMatch(/removed .*after the anchor/);

    // Cut, then new rows appended on the shortened chain: still caught by the anchored entry.
    const appended = await whileCut(2, async () => {
      await write(3);
      const r = await verifyAuditChain(db(), { anchorDir: dir, full: true });
      await asOwnerWithoutTriggers((sql) => sql`delete from audit_log where seq > ${anchor.seq}`);
      return r;
    });
    expect(appended.ok).toBe(false);
    expect(appended.problem).toMatch(/removed after the anchor/);

    expect(await verifyAuditChain(db(), { anchorDir: dir, full: true })).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db(), { anchorDir: dir })).toMatchObject({ ok: true });
  });

  it('ignores anchor files that are not validly signed, or belong to another database', async () => {
    const dir = await anchorDirFor();
    const { file, anchor } = await anchorAuditLog(db(), dir);
    const forged = { ...JSON.parse(await fs.readFile(file, 'utf8')), rows: anchor.rows + 1000 };
    await fs.writeFile(path.join(dir, path.basename(file).replace('.json', '-forged.json')), JSON.stringify(forged));
    await fs.writeFile(
      path.join(dir, `00000000-0000-0000-0000-000000000000.x.1.json`),
      JSON.stringify({ ...forged, chainId: '00000000-0000-0000-0000-000000000000' }),
    );
    expect(await verifyAuditChain(db(), { anchorDir: dir })).toMatchObject({ ok: true, anchor: { rows: anchor.rows } });
    expect(await db().select().from(auditLog).where(gte(auditLog.seq, anchor.seq))).toHaveLength(1);
  });
});
