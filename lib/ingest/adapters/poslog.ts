// POS transactions → normalised rows: ARTS/NRF POSLog XML (any of the versions seen in
// the field) and our JSON form (POST /api/ingest/pos). Owns money parsing, the mapping
// of POSLog transaction kinds to POS types, and the loss-prevention flags.
//
// Sign convention (both forms): amounts are signed from the till's point of view, money
// in positive. Sale lines are positive, Return lines negative; a voided line is the
// reversal of the line it voids (sale void negative, return void positive), matching
// feeds that send voids as VoidFlag lines with negative amounts. A return's total is
// negative. A cancelled (void) transaction keeps the total it would have had. Quantities
// are always positive: the sign lives in the amount.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { POS_TRANSACTION_TYPES } from '@/lib/domain/enums';
import { futureTimeIssue, zodIssues, type Issue } from '@/lib/ingest/adapters/generic-json';
import { unstorableIssue } from '@/lib/ingest/adapters/storable';
import {
  asArray,
  attr,
  child,
  childNames,
  childText,
  children,
  findAll,
  isElement,
  isShort,
  isXmlTrue,
  parseIsoDateTime,
  parseXmlSafely,
  textOf,
  tooManyItems,
} from '@/lib/ingest/adapters/xml';
import type {
  AdapterContext,
  AdapterResult,
  NormalisedPosLine,
  NormalisedPosTransaction,
  PosTransactionType,
} from '@/lib/ingest/types';

// ---------------------------------------------------------------------------------------
// Money: decimal strings are multiplied exactly (BigInt), so 2.15 × 0.455 kg rounds on the
// true value, not on a binary float near it.

type Decimal = { digits: bigint; scale: number };

/** 15 integer digits, 12 decimals, a sign, a point and some padding: anything longer is no amount. */
const MAX_DECIMAL_LENGTH = 64;

function parseDecimal(text: string | null): Decimal | null {
  if (!isShort(text, MAX_DECIMAL_LENGTH)) return null;
  const m = /^\s*([+-])?(\d{0,15})(?:\.(\d{0,12}))?\s*$/.exec(text);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return null;
  const fraction = m[3] ?? '';
  const digits = BigInt((m[2] ?? '') + fraction || '0');
  return { digits: m[1] === '-' ? -digits : digits, scale: fraction.length };
}

/** Integer division rounding half away from zero. */
function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/** amount (pounds) × quantity → integer pence, or null when either is not a decimal. */
function toPence(amount: Decimal | null, quantity: Decimal = { digits: 1n, scale: 0 }): number | null {
  if (amount === null) return null;
  const pence = divRound(amount.digits * quantity.digits * 100n, 10n ** BigInt(amount.scale + quantity.scale));
  const n = Number(pence);
  return Number.isSafeInteger(n) ? n : null;
}

/** Avoids -0 leaking into rows when a zero amount is negated. */
function signed(sign: 1 | -1, magnitude: number): number {
  return magnitude === 0 ? 0 : sign * magnitude;
}

// ---------------------------------------------------------------------------------------
// POSLog

/** Transactions per request, in both forms (the JSON schema says the same). */
export const MAX_TRANSACTIONS = 1000;

const RETURN_LINK_NAMES = ['TransactionLink', 'OriginalTransaction', 'OriginalTransactionID', 'OriginalReceiptNumber'];
const CARD_REF_NAMES = ['PrimaryAccountNumber', 'MaskedCardNumber', 'CardToken', 'Token'];
const UNIT_PRICE_NAMES = ['RegularSalesUnitPrice', 'ActualSalesUnitPrice', 'UnitListPrice'];

type LineReading = { line: NormalisedPosLine; kind: 'Sale' | 'Return'; amountKnown: boolean };

function readLine(lineItem: unknown, item: unknown, kind: 'Sale' | 'Return'): LineReading {
  // VoidFlag sits on the LineItem in most versions, on the Sale/Return in some.
  const voided =
    isXmlTrue(attr(lineItem, 'VoidFlag')) ||
    isXmlTrue(childText(lineItem, 'VoidFlag')) ||
    isXmlTrue(attr(item, 'VoidFlag'));
  const quantityText = childText(item, 'Quantity');
  const quantity = quantityText === null ? { digits: 1n, scale: 0 } : parseDecimal(quantityText);
  const quantityAbs =
    quantity === null
      ? null
      : { digits: quantity.digits < 0n ? -quantity.digits : quantity.digits, scale: quantity.scale };

  let pence = toPence(parseDecimal(childText(item, 'ExtendedAmount')));
  if (pence === null && quantityAbs !== null) {
    const unit = UNIT_PRICE_NAMES.map((name) => childText(item, name)).find((t) => t !== null) ?? null;
    pence = toPence(parseDecimal(unit), quantityAbs);
  }
  const normal: 1 | -1 = kind === 'Return' ? -1 : 1;
  const sign: 1 | -1 = voided ? (normal === 1 ? -1 : 1) : normal;

  const line: NormalisedPosLine = {
    quantity: quantityAbs === null ? 1 : Number(quantityAbs.digits) / 10 ** quantityAbs.scale,
    amountPence: signed(sign, Math.abs(pence ?? 0)),
  };
  const sku = childText(item, 'ItemID') ?? childText(child(item, 'POSIdentity'), 'POSItemID');
  const description = childText(item, 'Description');
  if (sku !== null) line.sku = sku;
  if (description !== null) line.description = description;
  if (voided) line.voided = true;
  return { line, kind, amountKnown: pence !== null };
}

function readLines(body: unknown): LineReading[] {
  const readings: LineReading[] = [];
  for (const lineItem of children(body, 'LineItem')) {
    for (const kind of ['Sale', 'Return'] as const) {
      for (const item of children(lineItem, kind)) readings.push(readLine(lineItem, item, kind));
    }
  }
  return readings;
}

function totalPence(body: unknown): number | null {
  const totals = children(body, 'Total');
  for (const type of ['TransactionGrandAmount', 'TransactionNetAmount']) {
    const total = totals.find((t) => attr(t, 'TotalType') === type);
    const pence = toPence(parseDecimal(textOf(total)));
    if (pence !== null) return pence;
  }
  return null;
}

/** Money actually taken: tendered amounts less change given. */
function tenderPence(tenders: unknown[]): number | null {
  let sum: number | null = null;
  for (const tender of tenders) {
    const amount = toPence(parseDecimal(childText(tender, 'Amount')));
    if (amount === null) continue;
    const change = toPence(parseDecimal(childText(child(tender, 'TenderChange'), 'Amount'))) ?? 0;
    sum = (sum ?? 0) + amount - change;
  }
  return sum;
}

function priceFlags(body: unknown, flags: Set<string>): void {
  if (findAll(body, 'PriceOverride').length > 0) flags.add('price_override');
  for (const modifier of findAll(body, 'RetailPriceModifier')) {
    // Vendors mark an override in MethodCode, ReasonCode or a description; otherwise a
    // price modifier is a markdown or promotion, i.e. a discount.
    flags.add(/override/i.test(JSON.stringify(modifier)) ? 'price_override' : 'discount');
  }
  if (findAll(body, 'Discount').length > 0) flags.add('discount');
}

/** Status and reason codes are short words; a long one is matched as empty. */
const shortOrEmpty = (text: string | null): string => (isShort(text, 200) ? text : '');

function isCancelled(tx: unknown, body: unknown): boolean {
  return (
    [tx, body].some((el) => isXmlTrue(attr(el, 'CancelFlag')) || isXmlTrue(attr(el, 'VoidFlag'))) ||
    isXmlTrue(childText(tx, 'CancelFlag')) ||
    isXmlTrue(childText(tx, 'VoidFlag')) ||
    /^(voided|cancell?ed)$/i.test(shortOrEmpty(attr(body, 'TransactionStatus')))
  );
}

function isNoSale(control: unknown): boolean {
  return (
    children(control, 'NoSale').length > 0 || /no[\s_-]?sale/i.test(shortOrEmpty(childText(control, 'ReasonCode')))
  );
}

function vendorTransactionId(tx: unknown, workstation: string | null, begin: string | null, body: unknown): string {
  const id =
    childText(tx, 'TransactionID') ??
    childText(tx, 'SequenceNumber') ??
    childText(body, 'TransactionID') ??
    childText(body, 'SequenceNumber');
  // Without a transaction number, the transaction's own content is its identity: a
  // redelivery of the same document hashes the same.
  if (id === null) return 'sha256:' + createHash('sha256').update(JSON.stringify(tx)).digest('hex');
  const composed = `${workstation ?? ''}|${id}|${begin ?? ''}`;
  return composed.length <= 200 ? composed : 'sha256:' + createHash('sha256').update(composed).digest('hex');
}

const TIME_NAMES = ['BeginDateTime', 'EndDateTime'] as const;

/** The transaction's time element: BeginDateTime on the transaction or its body, else EndDateTime. */
function timeText(tx: unknown, body: unknown): { name: string; text: string } | null {
  for (const [node, name] of [
    [tx, TIME_NAMES[0]],
    [body, TIME_NAMES[0]],
    [tx, TIME_NAMES[1]],
  ] as const) {
    const text = childText(node, name);
    if (text !== null) return { name, text };
  }
  return null;
}

type Reading = { tx: NormalisedPosTransaction; issue?: undefined } | { issue: Issue; tx?: undefined };

function readTransaction(tx: unknown, index: number, ctx: AdapterContext): Reading {
  const flags = new Set<string>();
  const retail = child(tx, 'RetailTransaction');
  const control = child(tx, 'ControlTransaction');
  const otherKind = childNames(tx).find((name) => name.endsWith('Transaction'));
  const body = isElement(retail)
    ? retail
    : isElement(control)
      ? control
      : otherKind === undefined
        ? undefined
        : child(tx, otherKind);

  // The device's store (ctx) is authoritative; the POS's own store number is kept for diagnosis.
  const storeRef = childText(tx, 'RetailStoreID') ?? childText(child(tx, 'BusinessUnit'), 'UnitID');
  if (storeRef !== null) flags.add(`store:${storeRef}`);
  if (isXmlTrue(attr(tx, 'TrainingModeFlag')) || isXmlTrue(childText(tx, 'TrainingModeFlag'))) flags.add('training');

  const workstation = childText(tx, 'WorkstationID') ?? childText(body, 'WorkstationID');
  if (workstation === null) flags.add('no_terminal');
  const time = timeText(tx, body);
  const beginText = time?.text ?? null;
  // POSLog times without an offset are the till's wall clock, i.e. store-local. A time we
  // cannot read refuses the request; only a transaction with none is flagged no_time.
  const occurredAt = time === null ? null : parseIsoDateTime(time.text, ctx.timeZone);
  if (time !== null && occurredAt === null) {
    return {
      issue: {
        path: `Transaction.${index}.${time.name}`,
        message: `${time.name} is not an xs:dateTime such as 2026-07-01T14:00:00`,
      },
    };
  }
  if (occurredAt === null) flags.add('no_time');

  const readings = isElement(retail) ? readLines(retail) : [];
  const tenders = isElement(body) ? findAll(body, 'Tender') : [];
  if (isElement(body)) priceFlags(body, flags);
  if (readings.some((r) => r.line.voided === true)) flags.add('line_void');
  if (readings.some((r) => !r.amountKnown)) flags.add('unparsed_amount');

  let type: PosTransactionType = 'sale';
  if (isCancelled(tx, body)) type = 'void';
  else if (isElement(retail)) {
    if (readings.length > 0 && readings.every((r) => r.kind === 'Return')) type = 'return';
  } else if (isElement(control) && isNoSale(control)) type = 'no_sale';
  else flags.add('unknown_kind');

  if (
    readings.some((r) => r.kind === 'Return') &&
    RETURN_LINK_NAMES.every((name) => findAll(retail, name).length === 0)
  ) {
    flags.add('no_receipt');
  }

  const total =
    totalPence(body) ??
    tenderPence(tenders) ??
    readings.filter((r) => r.line.voided !== true).reduce((sum, r) => sum + r.line.amountPence, 0);
  const firstTender = tenders[0];
  const cardRef =
    firstTender === undefined
      ? null
      : (CARD_REF_NAMES.map((n) => textOf(findAll(firstTender, n)[0])).find((t) => t !== null) ?? null);

  const normalised: NormalisedPosTransaction = {
    storeId: ctx.storeId,
    deviceId: ctx.deviceId,
    vendorTransactionId: vendorTransactionId(tx, workstation, beginText, body),
    terminalId: workstation ?? 'unknown',
    operatorId: childText(tx, 'OperatorID') ?? childText(body, 'OperatorID'),
    type,
    occurredAt: occurredAt ?? ctx.now,
    totalPence: type === 'return' ? signed(-1, Math.abs(total)) : total,
    receiptRef:
      childText(tx, 'ReceiptNumber') ??
      childText(body, 'ReceiptNumber') ??
      childText(tx, 'ReceiptID') ??
      childText(tx, 'TransactionID'),
    tenderType:
      firstTender === undefined
        ? null
        : (attr(firstTender, 'TenderType') ??
          childText(firstTender, 'TenderID') ??
          childText(firstTender, 'TenderType')),
    cardRef,
    flags: [...flags],
    lines: readings.map((r) => r.line),
  };
  return { tx: normalised };
}

export function adaptPosLog(xml: string, ctx: AdapterContext): AdapterResult<NormalisedPosTransaction> {
  try {
    const parsed = parseXmlSafely(xml);
    if (!parsed.ok) return parsed;
    const logs = findAll(parsed.root, 'POSLog');
    if (logs.length === 0) return { ok: false, error: 'No POSLog element found' };
    const transactions = logs.flatMap((log) => children(log, 'Transaction'));
    if (transactions.length === 0) return { ok: false, error: 'POSLog contains no Transaction' };
    const tooMany = tooManyItems('Transaction', transactions.length, MAX_TRANSACTIONS);
    if (tooMany) return tooMany;
    const readings = transactions.map((tx, i) => readTransaction(tx, i, ctx));
    const issues = readings.flatMap((r) => (r.issue ? [r.issue] : []));
    if (issues.length > 0) return { ok: false, error: 'Invalid POSLog transaction', issues };
    return { ok: true, items: readings.flatMap((r) => (r.tx ? [r.tx] : [])) };
  } catch (e) {
    return { ok: false, error: `POSLog could not be read: ${e instanceof Error ? e.message : 'unknown error'}` };
  }
}

// ---------------------------------------------------------------------------------------
// Our JSON form

const posJsonLine = z.object({
  sku: z.string().max(100).optional(),
  description: z.string().max(500).optional(),
  quantity: z.number(),
  amountPence: z.number().int(),
  voided: z.boolean().optional(),
});

const posJsonTransaction = z.object({
  id: z.string().min(1).max(200).describe("The POS's transaction id, unique per device"),
  terminalId: z.string().min(1).max(100),
  operatorId: z.string().min(1).max(200).optional(),
  type: z.enum(POS_TRANSACTION_TYPES),
  occurredAt: z.iso.datetime({ offset: true }).describe('ISO 8601 with an offset (Z or ±hh:mm)'),
  totalPence: z.number().int().describe('Signed: money in positive, refunds negative'),
  receiptRef: z
    .string()
    .max(200)
    .optional()
    .describe("The receipt number; for a return, the original sale's receipt (absent = no receipt)"),
  tenderType: z.string().max(60).optional(),
  cardRef: z.string().max(200).optional(),
  lines: z.array(posJsonLine).max(1000).optional(),
});

export const posJsonBody = z.object({
  transactions: z.array(posJsonTransaction).min(1).max(MAX_TRANSACTIONS),
});

export function adaptPosJson(body: unknown, ctx: AdapterContext): AdapterResult<NormalisedPosTransaction> {
  try {
    const unstorable = unstorableIssue(body);
    if (unstorable) return { ok: false, error: 'Invalid transactions batch', issues: [unstorable] };
    const parsed = posJsonBody.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'Invalid transactions batch', issues: zodIssues(parsed.error) };
    const issues = parsed.data.transactions.flatMap((t, i) =>
      asArray(futureTimeIssue(new Date(t.occurredAt), ctx.now, `transactions.${i}.occurredAt`)),
    );
    if (issues.length > 0) return { ok: false, error: 'Invalid transactions batch', issues };

    const items = parsed.data.transactions.map((t): NormalisedPosTransaction => {
      const lines = (t.lines ?? []).map((l): NormalisedPosLine => {
        const line: NormalisedPosLine = { quantity: l.quantity, amountPence: l.amountPence };
        if (l.sku !== undefined) line.sku = l.sku;
        if (l.description !== undefined) line.description = l.description;
        if (l.voided === true) line.voided = true;
        return line;
      });
      return {
        storeId: ctx.storeId,
        deviceId: ctx.deviceId,
        vendorTransactionId: t.id,
        terminalId: t.terminalId,
        operatorId: t.operatorId ?? null,
        type: t.type,
        occurredAt: new Date(t.occurredAt),
        totalPence: t.totalPence,
        receiptRef: t.receiptRef ?? null,
        tenderType: t.tenderType ?? null,
        cardRef: t.cardRef ?? null,
        // For a return, receiptRef is the original sale's receipt: none means no receipt.
        flags: [
          ...(lines.some((l) => l.voided === true) ? ['line_void'] : []),
          ...(t.type === 'return' && !t.receiptRef ? ['no_receipt'] : []),
        ],
        lines,
      };
    });
    return { ok: true, items };
  } catch (e) {
    return {
      ok: false,
      error: `Transactions batch could not be read: ${e instanceof Error ? e.message : 'unknown error'}`,
    };
  }
}
