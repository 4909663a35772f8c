// Durable storage of till transactions. Operator ids and card references are
// pseudonymised with a keyed hash before they are stored (data minimisation):
// rules can still count "same operator" and "same card" without knowing who.
import { createHmac } from 'node:crypto';
import type { DbOrTx } from '@/db/client';
import { posTransactions } from '@/db/schema';
import { requireEnv } from '@/lib/env';
import type { NormalisedPosTransaction } from './types';

export type StoredPosTransaction = typeof posTransactions.$inferSelect;

export function pseudonymise(kind: 'operator' | 'card', storeId: string, value: string | null): string | null {
  if (!value) return null;
  return createHmac('sha256', requireEnv('VIGIL_ENCRYPTION_KEY')).update(`${kind}|${storeId}|${value}`).digest('hex').slice(0, 20);
}

export async function storePosTransactions(db: DbOrTx, txns: NormalisedPosTransaction[]) {
  if (txns.length === 0) return { accepted: 0, duplicates: 0, stored: [] as StoredPosTransaction[] };
  const stored = await db
    .insert(posTransactions)
    .values(
      txns.map((t) => ({
        occurredAt: t.occurredAt,
        storeId: t.storeId,
        deviceId: t.deviceId,
        terminalId: t.terminalId,
        operatorPseudo: pseudonymise('operator', t.storeId, t.operatorId),
        type: t.type,
        totalPence: t.totalPence,
        receiptRef: t.receiptRef,
        tenderType: t.tenderType,
        cardPseudo: pseudonymise('card', t.storeId, t.cardRef),
        flags: t.flags,
        lines: t.lines,
        vendorTransactionId: t.vendorTransactionId,
      })),
    )
    .onConflictDoNothing({ target: [posTransactions.deviceId, posTransactions.vendorTransactionId] })
    .returning();
  return { accepted: stored.length, duplicates: txns.length - stored.length, stored };
}
