// Regular-expression denial of service: vendor strings sized so that a backtracking
// (quadratic) pattern would take seconds. Every adapter must answer them in milliseconds,
// and a time it cannot read must be refused by name, not replaced by the receipt time.
import { describe, expect, it } from 'vitest';
import { adaptFrigateEvent } from '@/lib/ingest/adapters/frigate';
import { adaptGenericEvents } from '@/lib/ingest/adapters/generic-json';
import { adaptOnvif } from '@/lib/ingest/adapters/onvif';
import { adaptPosJson, adaptPosLog } from '@/lib/ingest/adapters/poslog';
import { adaptSensorMessage } from '@/lib/ingest/adapters/sensor-mqtt';
import { isXmlTrue, parseIsoDateTime } from '@/lib/ingest/adapters/xml';
import type { AdapterResult } from '@/lib/ingest/types';
import { message, NS, POSLOG_V2_SALE, VALID_EVENTS, VALID_POS_JSON } from './samples';
import { testContext } from './shared';

const ctx = testContext();
/** Generous: the quadratic date pattern took 3.6 s on 80k spaces; linear code needs a few ms. */
const BUDGET_MS = 500;

/**
 * Runs `run` within the budget of CPU time (not wall time, which other processes on a
 * busy two-core machine inflate; vitest runs each file in its own process).
 */
function quickly<T>(run: () => T): T {
  const before = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(before);
  expect((used.user + used.system) / 1000).toBeLessThan(BUDGET_MS);
  return result;
}

const pad = (n: number) => ' '.repeat(n);
/** The reported attack: a valid prefix, a long run of spaces, then a character that makes the match fail. */
const paddedTime = (n: number) => `2026-01-01T00:00${pad(n)}x`;

function issuePaths(r: AdapterResult<unknown>): string[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : (r.issues ?? []).map((i) => i.path);
}

describe('ReDoS: vendor times', () => {
  it('parseIsoDateTime refuses a time padded with a million spaces quickly', () => {
    expect(quickly(() => parseIsoDateTime(paddedTime(1_000_000), 'UTC'))).toBeNull();
    expect(quickly(() => parseIsoDateTime(`2026-01-01T00:00:00.${'1'.repeat(1_000_000)}x`, 'UTC'))).toBeNull();
  });

  it('ONVIF refuses a UtcTime padded with 200k spaces quickly, naming the field', () => {
    const xml = message('tns1:VideoSource/MotionAlarm', `UtcTime="${paddedTime(200_000)}"`, '');
    expect(issuePaths(quickly(() => adaptOnvif(xml, ctx)))).toEqual(['NotificationMessage.0.UtcTime']);
  });

  it('POSLog refuses a BeginDateTime padded with 200k spaces quickly, naming the field', () => {
    const xml = POSLOG_V2_SALE.replace('2026-07-01T14:00:00', paddedTime(200_000));
    expect(issuePaths(quickly(() => adaptPosLog(xml, ctx)))).toEqual(['Transaction.0.BeginDateTime']);
  });

  it('the JSON forms refuse a padded occurredAt quickly, naming the field', () => {
    const events = { events: [{ ...VALID_EVENTS.events[0], occurredAt: paddedTime(1_000_000) }] };
    expect(issuePaths(quickly(() => adaptGenericEvents(events, ctx)))).toContain('events.0.occurredAt');
    const pos = { transactions: [{ ...VALID_POS_JSON.transactions[0], occurredAt: paddedTime(1_000_000) }] };
    expect(issuePaths(quickly(() => adaptPosJson(pos, ctx)))).toContain('transactions.0.occurredAt');
    const sensor = JSON.stringify({ id: 'x', occurredAt: paddedTime(1_000_000) });
    expect(issuePaths(quickly(() => adaptSensorMessage('vigil/LDN/dev/panic', sensor, ctx)))).toContain('occurredAt');
  });
});

describe('ReDoS: other vendor strings', () => {
  // One long field per document, so the budget measures our patterns, not XML parsing.
  // 100k is plenty: a quadratic pattern takes seconds at this size.
  const N = 100_000;

  it.each([
    ['a long item name', `<tt:Source><tt:SimpleItem Name="Door${'a'.repeat(N)}!" Value="1"/></tt:Source>`],
    ['a long item value', `<tt:Source><tt:SimpleItem Name="Input" Value="${'door '.repeat(N / 5)}x"/></tt:Source>`],
    ['a long state item name', `<tt:Data><tt:SimpleItem Name="Is${'a'.repeat(N)}!" Value="true"/></tt:Data>`],
    ['a padded state', `<tt:Data><tt:SimpleItem Name="State" Value="true${pad(N)}x"/></tt:Data>`],
    ['a padded confidence', `<tt:Data><tt:SimpleItem Name="Confidence" Value="0.5${pad(N)}x"/></tt:Data>`],
  ])('reads an ONVIF message with %s quickly', (_name, body) => {
    const xml = message('tns1:Device/Trigger/DigitalInput', 'UtcTime="2026-07-01T11:00:00Z"', body);
    expect(quickly(() => adaptOnvif(xml, ctx)).ok).toBe(true);
  });

  it('reads a long ONVIF topic quickly', () => {
    const xml = message(`tns1:Device/${'a'.repeat(N)}`, 'UtcTime="2026-07-01T11:00:00Z"', '');
    expect(quickly(() => adaptOnvif(xml, ctx)).ok).toBe(true);
  });

  const tx = (attrs: string, body: string) =>
    `<POSLog ${NS}><Transaction ${attrs}><WorkstationID>1</WorkstationID><SequenceNumber>1</SequenceNumber>` +
    `<BeginDateTime>2026-07-01T11:00:00Z</BeginDateTime>${body}</Transaction></POSLog>`;

  it.each([
    ['a padded CancelFlag', tx(`CancelFlag="true${pad(N)}x"`, '')],
    ['a padded TransactionStatus', tx('', `<ControlTransaction TransactionStatus="voided${pad(N)}x"/>`)],
    ['a padded ReasonCode', tx('', `<ControlTransaction><ReasonCode>no${pad(N)}x</ReasonCode></ControlTransaction>`)],
    [
      'a padded VoidFlag',
      tx('', `<RetailTransaction><LineItem VoidFlag="1${pad(N)}x"><Sale/></LineItem></RetailTransaction>`),
    ],
    [
      'a long amount',
      tx(
        '',
        `<RetailTransaction><LineItem><Sale><ExtendedAmount>${'1'.repeat(N)}.2x</ExtendedAmount></Sale></LineItem></RetailTransaction>`,
      ),
    ],
    [
      'a padded quantity',
      tx(
        '',
        `<RetailTransaction><LineItem><Sale><Quantity>1${pad(N)}x</Quantity></Sale></LineItem></RetailTransaction>`,
      ),
    ],
  ])('reads a POSLog transaction with %s quickly', (_name, xml) => {
    expect(quickly(() => adaptPosLog(xml, ctx)).ok).toBe(true);
  });

  it('reads a padded xs:boolean quickly', () => {
    expect(quickly(() => isXmlTrue(`true${pad(1_000_000)}x`))).toBe(false);
  });

  it('refuses a Frigate message whose id, camera or label is absurdly long', () => {
    const long = 'a'.repeat(1_000_000);
    for (const field of ['id', 'camera', 'label']) {
      const after = { id: 'abc', camera: 'tills', label: 'person', [field]: long };
      const r = quickly(() => adaptFrigateEvent({ type: 'new', after }, ctx));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues?.map((i) => i.path)).toEqual([`after.${field}`]);
    }
  });
});
