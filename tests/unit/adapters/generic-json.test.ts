import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { adaptGenericEvents, genericEventsBody } from '@/lib/ingest/adapters/generic-json';
import { SECURITY_EVENT_TYPES, type AdapterResult, type NormalisedEvent } from '@/lib/ingest/types';
import { VALID_EVENTS as VALID } from './samples';
import { assertAdapterInvariants, testContext } from './shared';

const ctx = testContext();

function withEvent(index: number, patch: Record<string, unknown>): unknown {
  return { events: VALID.events.map((e, i) => (i === index ? { ...e, ...patch } : e)) };
}

describe('adaptGenericEvents', () => {
  it('maps a valid batch, keeping duplicate ids', () => {
    const r = adaptGenericEvents(VALID, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items).toHaveLength(4);
    expect(r.items[0]).toEqual({
      storeId: ctx.storeId,
      deviceId: ctx.deviceId,
      sourceKind: 'camera',
      vendorEventId: 'evt-1',
      type: 'person_detected',
      occurredAt: new Date('2026-07-01T11:59:30Z'),
      zoneLabel: 'Entrance',
      confidence: 0.91,
      payload: { trackId: 17, snapshot: 'https://vms.local/s/17.jpg' },
    });
    expect(r.items[1]).toMatchObject({ type: 'shelf_sweep', zoneLabel: null, confidence: null, payload: {} });
    expect(r.items[1]?.occurredAt.toISOString()).toBe('2026-07-01T11:58:00.000Z');
    expect(r.items[2]).toMatchObject({ zoneLabel: null, confidence: 0 });
    expect(r.items[3]?.vendorEventId).toBe('evt-1');
  });

  it('accepts a time up to 5 minutes ahead (device clock skew)', () => {
    expect(adaptGenericEvents(withEvent(1, { occurredAt: '2026-07-01T12:05:00Z' }), ctx).ok).toBe(true);
  });

  it('accepts every known type', () => {
    const body = {
      events: SECURITY_EVENT_TYPES.map((type, i) => ({ id: `e${i}`, type, occurredAt: '2026-07-01T11:00:00Z' })),
    };
    expect(adaptGenericEvents(body, ctx).ok).toBe(true);
  });

  it.each([
    ['an unknown type', 3, { type: 'gunshot' }, 'events.3.type'],
    ['a time without offset', 2, { occurredAt: '2026-07-01T11:00:00' }, 'events.2.occurredAt'],
    ['a date that does not exist', 2, { occurredAt: '2026-02-30T11:00:00Z' }, 'events.2.occurredAt'],
    ['a time more than 5 minutes ahead', 1, { occurredAt: '2026-07-01T12:05:01Z' }, 'events.1.occurredAt'],
    ['an empty id', 0, { id: '' }, 'events.0.id'],
    ['an id over 200 chars', 0, { id: 'x'.repeat(201) }, 'events.0.id'],
    ['a zone over 120 chars', 0, { zone: 'z'.repeat(121) }, 'events.0.zone'],
    ['confidence above 1', 0, { confidence: 1.5 }, 'events.0.confidence'],
    ['confidence as a string', 0, { confidence: '0.5' }, 'events.0.confidence'],
    ['data as an array', 0, { data: [1, 2] }, 'events.0.data'],
    ['data over 16 KB', 0, { data: { blob: 'x'.repeat(16 * 1024) } }, 'events.0.data'],
  ])('rejects the whole batch for %s, with a path', (_label, index, patch, path) => {
    const r = adaptGenericEvents(withEvent(index, patch), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe('Invalid events batch');
    expect(r.issues?.map((i) => i.path)).toContain(path);
    expect(r.issues?.every((i) => typeof i.message === 'string' && i.message.length > 0)).toBe(true);
  });

  it('rejects empty, oversized and shapeless bodies', () => {
    expect(adaptGenericEvents({ events: [] }, ctx).ok).toBe(false);
    const many = {
      events: Array.from({ length: 1001 }, (_, i) => ({
        id: `e${i}`,
        type: 'motion',
        occurredAt: '2026-07-01T11:00:00Z',
      })),
    };
    expect(adaptGenericEvents(many, ctx).ok).toBe(false);
    for (const body of [null, 'events', [], {}, { events: {} }]) expect(adaptGenericEvents(body, ctx).ok).toBe(false);
  });

  it('exports the body schema for OpenAPI', () => {
    expect(genericEventsBody.safeParse(VALID).success).toBe(true);
  });
});

function assertInvariants(r: AdapterResult<NormalisedEvent>): void {
  for (const e of assertAdapterInvariants(r, ctx)) {
    expect(e.occurredAt.getTime() - ctx.now.getTime()).toBeLessThanOrEqual(5 * 60_000);
  }
}

const FIELDS = ['id', 'type', 'occurredAt', 'zone', 'confidence', 'data'];

const mutated = fc
  .tuple(
    fc.nat({ max: VALID.events.length - 1 }),
    fc.constantFrom(...FIELDS),
    fc.option(fc.anything(), { nil: undefined }),
  )
  .map(([index, field, value]) => {
    const event: Record<string, unknown> = { ...VALID.events[index] };
    if (value === undefined) delete event[field];
    else event[field] = value;
    return { events: VALID.events.map((e, i) => (i === index ? event : e)) };
  });

describe('adaptGenericEvents: properties', () => {
  it('never throws on random input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json().map((j) => JSON.parse(j) as unknown),
          fc.record({ events: fc.array(fc.anything()) }),
        ),
        (body) => assertInvariants(adaptGenericEvents(body, ctx)),
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on mutated batches; a broken required field rejects the whole batch', () => {
    fc.assert(
      fc.property(mutated, (body) => {
        const r = adaptGenericEvents(body, ctx);
        assertInvariants(r);
        if (r.ok) expect(r.items).toHaveLength(VALID.events.length);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts any well-formed event', () => {
    const event = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 200 }),
        type: fc.constantFrom(...SECURITY_EVENT_TYPES),
        occurredAt: fc
          .date({ min: new Date('2000-01-01T00:00:00Z'), max: ctx.now, noInvalidDate: true })
          .map((d) => d.toISOString()),
        zone: fc.string({ maxLength: 120 }),
        confidence: fc.double({ min: 0, max: 1, noNaN: true }),
        data: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 }),
      },
      { requiredKeys: ['id', 'type', 'occurredAt'] },
    );
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 20 }), (events) => {
        const r = adaptGenericEvents({ events }, ctx);
        expect(r.ok).toBe(true);
        assertInvariants(r);
      }),
      { numRuns: 200 },
    );
  });
});
