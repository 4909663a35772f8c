// The audit trail: append-only, hash-chained rows. Writers call recordAudit inside
// the same transaction as the change they describe, so a rolled-back change leaves
// no audit row and a committed one always has its row.
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditEntry = {
  actorId: string | null;
  /** Who, in words, for rows without a user (device, system, anonymous). */
  actorLabel: string;
  action: string;
  entityType?: string;
  entityId?: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type ChainedFields = {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
};

export function chainHash(prevHash: string, row: ChainedFields): string {
  const canonical = canonicalJson({ ...row, at: row.at.toISOString() });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    // One writer at a time extends the chain; the lock ends with the transaction.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('vigil.audit_log'))`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    const row: ChainedFields = {
      at: new Date(),
      actorId: entry.actorId,
      actorLabel: entry.actorLabel,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      detail: entry.detail ?? {},
      ip: entry.ip ?? null,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx.insert(auditLog).values({ ...row, prevHash, hash: chainHash(prevHash, row) });
  });
}
