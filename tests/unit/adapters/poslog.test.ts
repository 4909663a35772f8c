import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { adaptPosJson, adaptPosLog } from '@/lib/ingest/adapters/poslog';
import { POS_TRANSACTION_TYPES } from '@/lib/domain/enums';
import type { AdapterResult, NormalisedPosTransaction } from '@/lib/ingest/types';
import {
  CANCELLED,
  NO_SALE,
  NS,
  POSLOG_V2_SALE,
  POSLOG_V6_OVERRIDE,
  RETURN_NO_RECEIPT,
  RETURN_WITH_RECEIPT,
  VALID_POS_JSON as VALID_JSON,
} from './samples';
import { assertAdapterInvariants, escapeXml, testContext } from './shared';

const ctx = testContext();

function adapt(xml: string): NormalisedPosTransaction[] {
  const r = adaptPosLog(xml, ctx);
  if (!r.ok) throw new Error(r.error);
  return r.items;
}

describe('adaptPosLog: sample documents', () => {
  it('reads a POSLog 2 sale: store-local BST time, decimal quantity, line void, totals', () => {
    const [tx, ...rest] = adapt(POSLOG_V2_SALE);
    expect(rest).toHaveLength(0);
    expect(tx).toMatchObject({
      storeId: ctx.storeId,
      deviceId: ctx.deviceId,
      vendorTransactionId: '3|1187|2026-07-01T14:00:00',
      terminalId: '3',
      operatorId: '042',
      type: 'sale',
      totalPence: 579,
      tenderType: 'Cash',
      cardRef: null,
      receiptRef: null,
    });
    // 14:00 in London in July is BST (UTC+1).
    expect(tx?.occurredAt.toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(tx?.lines).toEqual([
      { sku: '5000112637922', description: 'Cola 2L', quantity: 1, amountPence: 215 },
      // 7.99 × 0.455 = 3.63545 → 364p
      { sku: '2000000012345', description: 'Cheddar & Onion (loose)', quantity: 0.455, amountPence: 364 },
      { sku: '5010677850100', description: 'Whisky 70cl', quantity: 1, amountPence: -2400, voided: true },
    ]);
    expect(tx?.flags).toEqual(expect.arrayContaining(['line_void', 'store:0421']));
    expect(tx?.flags).not.toContain('unknown_kind');
  });

  it('reads a POSLog 6 sale: BusinessUnit/UnitID, other element order, price override, card', () => {
    const [tx] = adapt(POSLOG_V6_OVERRIDE);
    expect(tx).toMatchObject({
      vendorTransactionId: '05|0421-05-20260701-0099|2026-07-01T15:30:05+01:00',
      terminalId: '05',
      operatorId: '7781',
      type: 'sale',
      totalPence: 1250,
      receiptRef: 'R-99',
      tenderType: 'CreditDebit',
      cardRef: '************1234',
      lines: [{ sku: '0000000098765', description: 'Steak 400g', quantity: 2, amountPence: 1250 }],
    });
    expect(tx?.occurredAt.toISOString()).toBe('2026-07-01T14:30:05.000Z');
    expect(tx?.flags).toEqual(expect.arrayContaining(['price_override', 'store:0421']));
    expect(tx?.flags).not.toContain('discount');
  });

  it('reads no-sale control transactions (NoSale element or reason code)', () => {
    const txs = adapt(NO_SALE);
    expect(txs.map((t) => t.type)).toEqual(['no_sale', 'no_sale']);
    expect(txs[0]).toMatchObject({ totalPence: 0, lines: [], operatorId: '042', terminalId: '2' });
    expect(txs[1]?.operatorId).toBeNull();
  });

  it('reads a return without a receipt: negative amounts, no_receipt flag', () => {
    const [tx] = adapt(RETURN_NO_RECEIPT);
    expect(tx).toMatchObject({ type: 'return', totalPence: -1900, lines: [{ quantity: 1, amountPence: -1900 }] });
    expect(tx?.flags).toContain('no_receipt');
  });

  it('does not flag a return that links to its original transaction', () => {
    const [tx] = adapt(RETURN_WITH_RECEIPT);
    expect(tx?.type).toBe('return');
    expect(tx?.flags).not.toContain('no_receipt');
  });

  it('rounds money half away from zero', () => {
    // 18.995 → 1900p, negated for a return line.
    expect(adapt(RETURN_NO_RECEIPT)[0]?.lines[0]?.amountPence).toBe(-1900);
    const [tx] = adapt(
      POSLOG_V2_SALE.replace('<ExtendedAmount>2.15</ExtendedAmount>', '<ExtendedAmount>1.005</ExtendedAmount>'),
    );
    expect(tx?.lines[0]?.amountPence).toBe(101);
  });

  it('reads a cancelled transaction as void', () => {
    const [tx] = adapt(CANCELLED);
    expect(tx).toMatchObject({ type: 'void', totalPence: 3000 });
  });

  it('flags discounts', () => {
    const [tx] = adapt(
      POSLOG_V2_SALE.replace(
        '<Total TotalType="TransactionGrandAmount">',
        '<LineItem><Discount><Amount>0.50</Amount></Discount></LineItem><Total TotalType="TransactionGrandAmount">',
      ),
    );
    expect(tx?.flags).toContain('discount');
  });

  it('treats an unknown transaction kind as a sale flagged unknown_kind', () => {
    const [tx] = adapt(
      `<POSLog ${NS}><Transaction><RetailStoreID>1</RetailStoreID><WorkstationID>9</WorkstationID><SequenceNumber>1</SequenceNumber><BeginDateTime>2026-07-01T09:00:00Z</BeginDateTime><TenderControlTransaction><TillSettle/></TenderControlTransaction></Transaction></POSLog>`,
    );
    expect(tx).toMatchObject({ type: 'sale', totalPence: 0 });
    expect(tx?.flags).toContain('unknown_kind');
  });

  it('reads GMT (winter) local times and falls back to receipt time when there is none', () => {
    const [winter] = adapt(POSLOG_V2_SALE.replace('2026-07-01T14:00:00', '2026-01-15T14:00:00'));
    expect(winter?.occurredAt.toISOString()).toBe('2026-01-15T14:00:00.000Z');
    const [none] = adapt(
      POSLOG_V2_SALE.replace(/<BeginDateTime>.*<\/BeginDateTime>\s*<EndDateTime>.*<\/EndDateTime>/, ''),
    );
    expect(none?.occurredAt).toEqual(ctx.now);
    expect(none?.flags).toContain('no_time');
  });

  it('refuses a BeginDateTime it cannot read, naming the transaction, instead of using the receipt time', () => {
    const xml = NO_SALE.replace('2026-07-01T10:16:00+01:00', '2026-07-01 at ten past four');
    expect(adaptPosLog(xml, ctx)).toMatchObject({ ok: false, issues: [{ path: 'Transaction.1.BeginDateTime' }] });
  });

  it('derives a stable id from the content when there is no transaction number', () => {
    const xml = POSLOG_V2_SALE.replace('<SequenceNumber>1187</SequenceNumber>', '');
    const [a] = adapt(xml);
    const [b] = adapt(xml);
    expect(a?.vendorTransactionId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a?.vendorTransactionId).toBe(b?.vendorTransactionId);
  });

  it('falls back to tenders less change for the total when there is no Total', () => {
    const [tx] = adapt(POSLOG_V2_SALE.replace(/<Total [^<]*<\/Total>/g, ''));
    expect(tx?.totalPence).toBe(579);
  });

  it('refuses XXE and billion laughs', () => {
    const xxe = POSLOG_V2_SALE.replace(
      '<POSLog',
      '<!DOCTYPE POSLog [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<POSLog',
    ).replace('Cola 2L', '&xxe;');
    const laughs = `<?xml version="1.0"?><!DOCTYPE POSLog [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]><POSLog><Transaction><WorkstationID>&g;</WorkstationID></Transaction></POSLog>`;
    const started = Date.now();
    for (const xml of [xxe, laughs]) {
      const r = adaptPosLog(xml, ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/DOCTYPE/);
    }
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('takes up to 1000 Transactions per request and refuses more, in both forms', () => {
    const tx = (i: number) =>
      `<Transaction><WorkstationID>1</WorkstationID><SequenceNumber>${i}</SequenceNumber><BeginDateTime>2026-07-01T11:00:00Z</BeginDateTime><ControlTransaction><NoSale/></ControlTransaction></Transaction>`;
    const many = (n: number) => `<POSLog ${NS}>${Array.from({ length: n }, (_, i) => tx(i)).join('')}</POSLog>`;
    const ok = adaptPosLog(many(1000), ctx);
    expect(ok.ok && ok.items).toHaveLength(1000);
    expect(adaptPosLog(many(1001), ctx)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 1000/),
      issues: [{ path: 'Transaction' }],
    });
    const json = {
      transactions: Array.from({ length: 1001 }, (_, i) => ({ ...VALID_JSON.transactions[1], id: `T-${i}` })),
    };
    expect(adaptPosJson(json, ctx)).toMatchObject({ ok: false, issues: [{ path: 'transactions' }] });
  });

  it('refuses malformed XML and documents without POSLog or Transaction', () => {
    expect(adaptPosLog(POSLOG_V2_SALE.slice(0, 400), ctx).ok).toBe(false);
    expect(adaptPosLog('<Other/>', ctx)).toEqual({ ok: false, error: 'No POSLog element found' });
    expect(adaptPosLog(`<POSLog ${NS}/>`, ctx)).toEqual({ ok: false, error: 'POSLog contains no Transaction' });
  });
});

describe('adaptPosJson', () => {
  it('maps a valid batch', () => {
    const r = adaptPosJson(VALID_JSON, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items).toHaveLength(2);
    expect(r.items[0]).toMatchObject({
      storeId: ctx.storeId,
      deviceId: ctx.deviceId,
      vendorTransactionId: 'T-1001',
      terminalId: '3',
      operatorId: '042',
      type: 'sale',
      totalPence: 1075,
      receiptRef: 'R-1001',
      tenderType: 'card',
      cardRef: '1234',
      flags: ['line_void'],
    });
    expect(r.items[0]?.occurredAt.toISOString()).toBe('2026-07-01T11:58:00.000Z');
    expect(r.items[0]?.lines[2]).toEqual({ sku: '5010677850100', quantity: 1, amountPence: -2400, voided: true });
    expect(r.items[1]).toMatchObject({ type: 'no_sale', operatorId: null, receiptRef: null, flags: [], lines: [] });
  });

  it.each([
    ['an unknown type', { type: 'refund' }, 'transactions.1.type'],
    ['fractional pence', { totalPence: 10.5 }, 'transactions.1.totalPence'],
    ['a time without offset', { occurredAt: '2026-07-01T11:59:00' }, 'transactions.1.occurredAt'],
    ['a time far in the future', { occurredAt: '2026-07-01T12:10:00Z' }, 'transactions.1.occurredAt'],
    ['an empty id', { id: '' }, 'transactions.1.id'],
  ])('rejects the whole batch for %s, with a path', (_label, patch, path) => {
    const body = { transactions: [VALID_JSON.transactions[0], { ...VALID_JSON.transactions[1], ...patch }] };
    const r = adaptPosJson(body, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues?.map((i) => i.path)).toContain(path);
  });

  it('rejects empty and oversized batches', () => {
    expect(adaptPosJson({ transactions: [] }, ctx).ok).toBe(false);
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...VALID_JSON.transactions[1], id: `T-${i}` }));
    expect(adaptPosJson({ transactions: many }, ctx).ok).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------
// Property tests

function assertInvariants(r: AdapterResult<NormalisedPosTransaction>): void {
  for (const tx of assertAdapterInvariants(r, ctx)) {
    expect(POS_TRANSACTION_TYPES).toContain(tx.type);
    expect(Number.isSafeInteger(tx.totalPence)).toBe(true);
    expect(tx.vendorTransactionId.length).toBeGreaterThan(0);
    expect(tx.terminalId.length).toBeGreaterThan(0);
    for (const line of tx.lines) {
      expect(Number.isSafeInteger(line.amountPence)).toBe(true);
      expect(Number.isFinite(line.quantity)).toBe(true);
    }
  }
}

const SAMPLES = [POSLOG_V2_SALE, POSLOG_V6_OVERRIDE, NO_SALE, RETURN_NO_RECEIPT, RETURN_WITH_RECEIPT, CANCELLED];

const mutated = fc.oneof(
  fc.tuple(fc.constantFrom(...SAMPLES), fc.nat(), fc.nat({ max: 200 })).map(([xml, at, len]) => {
    const i = at % xml.length;
    return xml.slice(0, i) + xml.slice(i + len);
  }),
  fc.tuple(fc.constantFrom(...SAMPLES), fc.nat(), fc.string()).map(([xml, at, junk]) => {
    const i = at % xml.length;
    return xml.slice(0, i) + junk + xml.slice(i);
  }),
  // Replace the text of one leaf element (amounts, quantities, times, ids) with anything.
  fc
    .tuple(
      fc.constantFrom(...SAMPLES),
      fc.nat(),
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          '',
          '-0',
          '1e309',
          '99999999999999999999',
          '0.0000001',
          '-.5',
          'true',
          '2026-02-30T10:00:00',
          '2026-03-29T01:30:00',
        ),
      ),
    )
    .map(([xml, n, value]) => {
      let k = 0;
      const count = (xml.match(/>[^<>]+</g) ?? []).length;
      const target = n % Math.max(count, 1);
      return xml.replace(/>[^<>]+</g, (whole) => (k++ === target ? `>${escapeXml(value)}<` : whole));
    }),
  // Drop one whole element (leaf or with children).
  fc.tuple(fc.constantFrom(...SAMPLES), fc.nat()).map(([xml, n]) => {
    const elements = [...xml.matchAll(/<(\w+)\b[^>]*>[\s\S]*?<\/\1>|<\w+\b[^>]*\/>/g)];
    const hit = elements[n % Math.max(elements.length, 1)];
    return hit === undefined ? xml : xml.replace(hit[0], '');
  }),
  // Rename elements so the expected structure is missing or duplicated.
  fc
    .tuple(
      fc.constantFrom(...SAMPLES),
      fc.constantFrom(
        'RetailTransaction',
        'LineItem',
        'Sale',
        'Return',
        'Tender',
        'Total',
        'Transaction',
        'POSLog',
        'ControlTransaction',
      ),
      fc.constantFrom('Sale', 'Return', 'ControlTransaction', 'Foo', 'LineItem', 'Transaction'),
    )
    .map(([xml, from, to]) => xml.replace(new RegExp(`(</?)${from}\\b`, 'g'), `$1${to}`)),
);

const jsonMutation = fc
  .tuple(
    fc.constantFrom(
      'id',
      'terminalId',
      'operatorId',
      'type',
      'occurredAt',
      'totalPence',
      'receiptRef',
      'lines',
      'cardRef',
    ),
    fc.option(fc.anything(), { nil: undefined }),
  )
  .map(([key, value]) => {
    const tx: Record<string, unknown> = { ...VALID_JSON.transactions[0] };
    if (value === undefined) delete tx[key];
    else tx[key] = value;
    return { transactions: [tx] };
  });

describe('POS adapters: properties', () => {
  it('adaptPosLog never throws on random input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (input) =>
        assertInvariants(adaptPosLog(input as string, ctx)),
      ),
      { numRuns: 200 },
    );
  });

  it('adaptPosLog never throws on mutated samples, and whatever it produces is valid', () => {
    fc.assert(
      fc.property(mutated, (xml) => assertInvariants(adaptPosLog(xml, ctx))),
      { numRuns: 300 },
    );
  });

  it('adaptPosJson never throws on random or mutated bodies', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json().map((j) => JSON.parse(j) as unknown),
          jsonMutation,
        ),
        (body) => assertInvariants(adaptPosJson(body, ctx)),
      ),
      { numRuns: 300 },
    );
  });
});
