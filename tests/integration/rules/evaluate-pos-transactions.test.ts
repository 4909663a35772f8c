import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alertRules, posTransactions } from '@/db/schema';
import { ingestPosTransactions } from '@/lib/ingest/ingest-events';
import type { NormalisedPosTransaction } from '@/lib/ingest/types';
import { alertsRaisedAt, db } from '../../support/fixtures';
import { deviceAt } from '../../support/events';

type Device = Awaited<ReturnType<typeof deviceAt>>;
const ok = <T>(items: T[]) => ({ ok: true as const, items });

function txn(device: Device, over: Partial<NormalisedPosTransaction>): NormalisedPosTransaction {
  return {
    storeId: device.storeId,
    deviceId: device.id,
    vendorTransactionId: randomUUID(),
    terminalId: 'T1',
    operatorId: 'op-17',
    type: 'sale',
    occurredAt: new Date(),
    totalPence: 1299,
    receiptRef: null,
    tenderType: 'card',
    cardRef: null,
    flags: [],
    lines: [],
    ...over,
  };
}

describe('POS exception rules', () => {
  it('alerts on a refund without a receipt over £50, not on a smaller one', async () => {
    const till = await deviceAt('CDF01', 'pos');
    expect((await ingestPosTransactions(db(), till, ok([txn(till, { type: 'return', totalPence: -4000, flags: ['no_receipt'] })]))).alerts).toBe(0);
    const result = await ingestPosTransactions(db(), till, ok([txn(till, { type: 'return', totalPence: -6500, flags: ['no_receipt'] })]));
    expect(result).toMatchObject({ accepted: 1, alerts: 1 });
    const [alert] = await alertsRaisedAt(till.storeId);
    expect(alert).toMatchObject({ title: 'Refund without receipt over £50', source: 'pos' });
    expect(alert!.detail.reason).toContain('£65.00');
  });

  it('counts voids per operator within a shift, and stores operators only pseudonymised', async () => {
    const till = await deviceAt('SWA01', 'pos');
    await db().insert(alertRules).values({
      name: 'Voids by one operator',
      scopeType: 'store',
      storeId: till.storeId,
      kind: 'pos_exception',
      condition: { pattern: 'voids_per_operator', count: 3, windowSeconds: 8 * 3600 },
      severity: 'medium',
      recipientRoles: ['store_manager'],
    });
    const spread = ['a', 'b', 'c'].map((op) => txn(till, { type: 'void', operatorId: op }));
    expect((await ingestPosTransactions(db(), till, ok(spread))).alerts).toBe(0);
    await ingestPosTransactions(db(), till, ok([txn(till, { type: 'void', operatorId: 'z' }), txn(till, { type: 'void', operatorId: 'z' })]));
    const third = await ingestPosTransactions(db(), till, ok([txn(till, { type: 'sale', operatorId: 'z', flags: ['line_void'] })]));
    expect(third.alerts).toBe(1);
    const stored = await db().select().from(posTransactions).where(eq(posTransactions.deviceId, till.id));
    expect(stored.every((t) => t.operatorPseudo && !['a', 'b', 'c', 'z'].includes(t.operatorPseudo))).toBe(true);
  });

  it('stores a redelivered transaction once', async () => {
    const till = await deviceAt('COV01', 'pos');
    const t = txn(till, {});
    expect(await ingestPosTransactions(db(), till, ok([t, t]))).toMatchObject({ accepted: 1, duplicates: 1 });
  });
});
