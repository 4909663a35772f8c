// Text PostgreSQL cannot hold (U+0000, unpaired surrogates) and absurd nesting must be
// refused by every adapter with the field's path, never passed on to fail at the insert.
import { describe, expect, it } from 'vitest';
import { adaptFrigateEvent } from '@/lib/ingest/adapters/frigate';
import { adaptGenericEvents } from '@/lib/ingest/adapters/generic-json';
import { adaptOnvif } from '@/lib/ingest/adapters/onvif';
import { adaptPosJson, adaptPosLog } from '@/lib/ingest/adapters/poslog';
import { adaptSensorMessage } from '@/lib/ingest/adapters/sensor-mqtt';
import { unstorableIssue } from '@/lib/ingest/adapters/storable';
import type { AdapterResult } from '@/lib/ingest/types';
import { message, NOTIFY, POSLOG_V2_SALE, VALID_EVENTS, VALID_POS_JSON } from './samples';
import { testContext } from './shared';

const ctx = testContext();
const HOSTILE = ['\u0000', '\uD800', '\uDC00x', 'a\uDBFFb'];

function refusedAt(r: AdapterResult<unknown>): string[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : (r.issues ?? []).map((i) => i.path);
}

describe('unstorableIssue', () => {
  it('accepts ordinary text, emoji and other well-formed pairs', () => {
    expect(unstorableIssue({ a: ['café', '🙂', '\uD83D\uDE42', ''], b: { c: 1, d: null } })).toBeNull();
  });

  it('names the first value or key that cannot be stored', () => {
    expect(unstorableIssue({ a: { b: ['ok', 'n\u0000l'] } })?.path).toBe('a.b.1');
    expect(unstorableIssue({ a: { 'k\uD800': 1 } })?.path).toBe('a.k\uD800');
  });

  it('refuses nesting beyond the limit without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableIssue({ data: deep })?.message).toMatch(/levels deep/);
  });
});

describe.each(HOSTILE.map((c) => [JSON.stringify(c), c]))('every adapter refuses %s by field', (_name, bad) => {
  it('generic JSON events (value, key, and the \\u escape in the raw JSON)', () => {
    const withData = (data: unknown) => ({ events: [{ ...VALID_EVENTS.events[1], data }] });
    expect(refusedAt(adaptGenericEvents(withData({ note: `x${bad}y` }), ctx))).toEqual(['events.0.data.note']);
    expect(refusedAt(adaptGenericEvents(withData({ [`k${bad}`]: 1 }), ctx))).toEqual([`events.0.data.k${bad}`]);
    const escaped = JSON.parse(JSON.stringify({ events: [{ ...VALID_EVENTS.events[1], id: `id${bad}` }] })) as unknown;
    expect(refusedAt(adaptGenericEvents(escaped, ctx))).toEqual(['events.0.id']);
  });

  it('POS JSON', () => {
    const json = { transactions: [{ ...VALID_POS_JSON.transactions[1], terminalId: `t${bad}` }] };
    expect(refusedAt(adaptPosJson(json, ctx))).toEqual(['transactions.0.terminalId']);
  });

  it('Frigate and sensor MQTT', () => {
    const frigate = {
      type: 'new',
      after: { id: 'abc', camera: 'tills', label: 'person', sub_label: [`n${bad}`, 0.9] },
    };
    expect(refusedAt(adaptFrigateEvent(frigate, ctx))).toEqual(['after.sub_label.0']);
    expect(refusedAt(adaptFrigateEvent(JSON.stringify(frigate), ctx))).toEqual(['after.sub_label.0']);
    const sensor = JSON.stringify({ id: 'x', zone: `z${bad}` });
    expect(refusedAt(adaptSensorMessage('vigil/LDN/dev/panic', sensor, ctx))).toEqual(['zone']);
  });
});

// In XML a surrogate can only arrive spelled as a character reference; a raw NUL arrives as is.
describe.each(['\u0000', '&#xD800;', '&#xDFFF;'])('the XML adapters refuse %j by field', (spelled) => {
  it('ONVIF, in an attribute', () => {
    const body = `<tt:Data><tt:SimpleItem Name="State" Value="on${spelled}"/></tt:Data>`;
    const [path] = refusedAt(
      adaptOnvif(message('tns1:VideoSource/MotionAlarm', 'UtcTime="2026-07-01T11:00:00Z"', body), ctx),
    );
    expect(path).toBe('Notify.NotificationMessage.Message.Message.Data.SimpleItem.@Value');
  });

  it('POSLog, in element text', () => {
    const [path] = refusedAt(adaptPosLog(POSLOG_V2_SALE.replace('Cola 2L', `Cola${spelled}`), ctx));
    expect(path).toBe('POSLog.Transaction.RetailTransaction.LineItem.0.Sale.Description');
  });
});

it('the untouched samples are still accepted', () => {
  expect(adaptOnvif(NOTIFY, ctx).ok).toBe(true);
  expect(adaptPosLog(POSLOG_V2_SALE, ctx).ok).toBe(true);
});
