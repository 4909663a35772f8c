import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { adaptSensorMessage, parseSensorTopic } from '@/lib/ingest/adapters/sensor-mqtt';
import { SECURITY_EVENT_TYPES, type AdapterResult, type NormalisedEvent } from '@/lib/ingest/types';
import { assertAdapterInvariants, testContext } from './shared';

const ctx = testContext('sensor');

function adapt(topic: string, payload: unknown): NormalisedEvent {
  const r = adaptSensorMessage(
    topic,
    typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
    ctx,
  );
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.issues)}`);
  const [e] = r.items;
  if (e === undefined || r.items.length !== 1) throw new Error('expected one item');
  return e;
}

describe('parseSensorTopic', () => {
  it('reads vigil/<storeCode>/<deviceRef>/<kind>', () => {
    expect(parseSensorTopic('vigil/LDN-0421/gate-1/eas')).toEqual({
      storeCode: 'LDN-0421',
      deviceRef: 'gate-1',
      kind: 'eas',
    });
  });

  it.each([
    'vigil/LDN/gate/eas/extra',
    'vigil/LDN/gate',
    'frigate/events',
    'vigil//gate/eas',
    'vigil/LDN/+/eas',
    'vigil/LDN/gate/#',
    'Vigil/LDN/gate/eas',
    '',
  ])('rejects %s', (topic) => {
    expect(parseSensorTopic(topic)).toBeNull();
  });
});

describe('adaptSensorMessage', () => {
  it('reads a full generic event', () => {
    const e = adapt('vigil/LDN-0421/gate-1/eas', {
      id: 'gate-1-000981',
      type: 'eas_alarm',
      occurredAt: '2026-07-01T12:59:58+01:00',
      zone: 'Entrance',
      confidence: 1,
      data: { tagType: 'AM', pedestal: 'left' },
    });
    expect(e).toEqual({
      storeId: ctx.storeId,
      deviceId: ctx.deviceId,
      sourceKind: 'sensor',
      vendorEventId: 'gate-1-000981',
      type: 'eas_alarm',
      occurredAt: new Date('2026-07-01T11:59:58Z'),
      zoneLabel: 'Entrance',
      confidence: 1,
      payload: { tagType: 'AM', pedestal: 'left', topic: 'vigil/LDN-0421/gate-1/eas' },
    });
  });

  it.each([
    ['eas', 'eas_alarm'],
    ['door', 'door_open'],
    ['panic', 'panic'],
    ['tamper', 'tamper'],
    ['PANIC', 'panic'],
    ['shelf_sweep', 'shelf_sweep'],
    ['door_closed', 'door_closed'],
    ['thermometer', 'other'],
  ])('derives the type from kind %s → %s', (kind, type) => {
    expect(adapt(`vigil/LDN-0421/dev-1/${kind}`, { id: 'x' }).type).toBe(type);
  });

  it('prefers an explicit type over the topic kind', () => {
    expect(adapt('vigil/LDN-0421/door-3/door', { id: 'x', type: 'door_closed' }).type).toBe('door_closed');
  });

  it('marks the receipt time as such, and two untimed presses at different times get different ids', () => {
    const first = adapt('vigil/LDN-0421/panic-1/panic', '{}');
    expect(first.payload.timeSource).toBe('received');
    const later = adaptSensorMessage('vigil/LDN-0421/panic-1/panic', '{}', {
      ...ctx,
      now: new Date(ctx.now.getTime() + 60_000),
    });
    expect(later.ok && later.items[0]?.vendorEventId).not.toBe(first.vendorEventId);
    expect(adapt('vigil/LDN-0421/panic-1/panic', { occurredAt: '2026-07-01T11:00:00Z' }).payload).not.toHaveProperty(
      'timeSource',
    );
  });

  it('uses receipt time and a deterministic id when the payload has neither', () => {
    const a = adapt('vigil/LDN-0421/panic-1/panic', '{}');
    const b = adapt('vigil/LDN-0421/panic-1/panic', Buffer.from('{}'));
    const c = adapt('vigil/LDN-0421/panic-2/panic', '{}');
    expect(a.occurredAt).toEqual(ctx.now);
    expect(a.vendorEventId).toMatch(/^[0-9a-f]{64}$/);
    expect(b.vendorEventId).toBe(a.vendorEventId);
    expect(c.vendorEventId).not.toBe(a.vendorEventId);
    expect(adapt('vigil/LDN-0421/panic-1/panic', '{"data":{"press":2}}').vendorEventId).not.toBe(a.vendorEventId);
  });

  it.each([
    ['invalid JSON', 'vigil/LDN/dev/eas', '{"id":'],
    ['a JSON array', 'vigil/LDN/dev/eas', '[]'],
    ['a JSON string', 'vigil/LDN/dev/eas', '"panic"'],
    ['an unknown type', 'vigil/LDN/dev/eas', '{"type":"explosion"}'],
    ['a time without offset', 'vigil/LDN/dev/eas', '{"occurredAt":"2026-07-01T12:00:00"}'],
    ['a time far in the future', 'vigil/LDN/dev/eas', '{"occurredAt":"2026-07-02T12:00:00Z"}'],
    ['a bad topic', 'sensors/LDN/dev/eas', '{}'],
  ])('refuses %s', (_label, topic, payload) => {
    expect(adaptSensorMessage(topic, payload, ctx).ok).toBe(false);
  });

  it('reports zod issues with paths', () => {
    const r = adaptSensorMessage('vigil/LDN/dev/eas', '{"confidence":2}', ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ path: 'confidence' })]);
  });
});

function assertInvariants(r: AdapterResult<NormalisedEvent>): void {
  const items = assertAdapterInvariants(r, ctx);
  if (!r.ok) return;
  expect(items).toHaveLength(1);
  for (const e of items) {
    expect(SECURITY_EVENT_TYPES).toContain(e.type);
    expect(e.vendorEventId.length).toBeGreaterThan(0);
  }
}

const topic = fc.oneof(
  fc.string(),
  fc
    .tuple(fc.string(), fc.string(), fc.constantFrom('eas', 'door', 'panic', 'tamper', 'motion', 'x'))
    .map(([s, d, k]) => `vigil/${s}/${d}/${k}`),
);

const mutatedPayload = fc
  .tuple(
    fc.constantFrom('id', 'type', 'occurredAt', 'zone', 'confidence', 'data'),
    fc.option(fc.anything(), { nil: undefined }),
  )
  .map(([field, value]) => {
    const event: Record<string, unknown> = {
      id: 'e1',
      type: 'panic',
      occurredAt: '2026-07-01T11:59:00Z',
      zone: 'Tills',
      confidence: 1,
      data: { button: 2 },
    };
    if (value === undefined) delete event[field];
    else event[field] = value;
    return JSON.stringify(event) ?? '';
  });

describe('adaptSensorMessage: properties', () => {
  it('never throws on random topics and payloads', () => {
    fc.assert(
      fc.property(
        topic,
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.uint8Array().map((b) => Buffer.from(b)),
          mutatedPayload,
        ),
        (t, payload) => {
          assertInvariants(adaptSensorMessage(t, payload, ctx));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on non-string arguments', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (t, payload) => {
        assertInvariants(adaptSensorMessage(t as string, payload as string, ctx));
      }),
      { numRuns: 200 },
    );
  });
});
