import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { adaptFrigateEvent, type FrigateOptions, frigateCameraName } from '@/lib/ingest/adapters/frigate';
import type { AdapterResult, NormalisedEvent } from '@/lib/ingest/types';
import { assertAdapterInvariants, testContext } from './shared';

const ctx = testContext();

const START = 1782906900.123456; // 2026-07-01T11:55:00.123Z

// Frigate 0.12: string-or-null sub_label, top_score still 0 on "new".
const v012Object = {
  id: '1782906900.123456-k3x9qa',
  camera: 'front_entrance',
  frame_time: 1782906900.5,
  snapshot_time: 0,
  label: 'person',
  sub_label: null,
  top_score: 0,
  false_positive: true,
  start_time: START,
  end_time: null,
  score: 0.72265625,
  box: [424, 500, 536, 712],
  area: 23744,
  ratio: 0.528,
  region: [264, 450, 667, 853],
  stationary: false,
  motionless_count: 0,
  position_changes: 0,
  current_zones: [],
  entered_zones: [],
  has_clip: false,
  has_snapshot: false,
};
const V012_NEW = { type: 'new', before: v012Object, after: v012Object };

// Frigate 0.14: [name, score] sub_label, more fields, zones entered.
const v014After = {
  ...v012Object,
  sub_label: ['Known offender 17', 0.87],
  top_score: 0.8359375,
  score: 0.80078125,
  false_positive: false,
  current_zones: ['health_beauty'],
  entered_zones: ['entrance', 'health_beauty'],
  has_clip: true,
  has_snapshot: true,
  attributes: { face: 0.86 },
  current_attributes: [{ label: 'face', box: [1, 2, 3, 4], score: 0.86 }],
  current_estimated_speed: 0,
  velocity_angle: 0,
  max_severity: 'alert',
  thumbnail: null,
};
const V014_UPDATE = { type: 'update', before: v012Object, after: v014After };
const V014_END = { type: 'end', before: v014After, after: { ...v014After, current_zones: [], end_time: START + 42.5 } };

function adapt(message: unknown, opts: FrigateOptions = {}): NormalisedEvent {
  const r = adaptFrigateEvent(message, ctx, opts);
  if (!r.ok) throw new Error(r.error);
  expect(r.items).toHaveLength(1);
  const [e] = r.items;
  if (e === undefined) throw new Error('no item');
  return e;
}

describe('adaptFrigateEvent', () => {
  it('reads a 0.12 "new" message', () => {
    const e = adapt(V012_NEW);
    expect(e).toMatchObject({
      storeId: ctx.storeId,
      deviceId: ctx.deviceId,
      sourceKind: 'camera',
      vendorEventId: '1782906900.123456-k3x9qa',
      type: 'person_detected',
      zoneLabel: null,
      // top_score is 0 until Frigate has scored a few frames: the frame score stands in.
      confidence: 0.72265625,
      payload: {
        frigateType: 'new',
        camera: 'front_entrance',
        label: 'person',
        currentZones: [],
        enteredZones: [],
        endTime: null,
        hasSnapshot: false,
        hasClip: false,
        stationary: false,
        falsePositive: true,
      },
    });
    expect(e.occurredAt.toISOString()).toBe('2026-07-01T11:55:00.123Z');
  });

  it('reads a 0.14 "update" with a [name, score] sub_label and zones', () => {
    const e = adapt(V014_UPDATE, { subLabels: true });
    expect(e).toMatchObject({
      type: 'person_detected',
      zoneLabel: 'health_beauty',
      confidence: 0.8359375,
      payload: {
        frigateType: 'update',
        subLabel: { name: 'Known offender 17', score: 0.87 },
        hasClip: true,
        hasSnapshot: true,
      },
    });
  });

  it('keeps the same dedupe key (id, start time) across new, update and end', () => {
    const keys = [V012_NEW, V014_UPDATE, V014_END].map((m) => {
      const e = adapt(m);
      return `${e.vendorEventId}@${e.occurredAt.toISOString()}`;
    });
    expect(new Set(keys).size).toBe(1);
    const end = adapt(V014_END);
    // No current zone any more: fall back to the first zone entered.
    expect(end.zoneLabel).toBe('entrance');
    expect(end.payload.endTime).toBe('2026-07-01T11:55:42.623Z');
  });

  it('stores no sub_label (a face-recognition name) unless an administrator turned it on', () => {
    for (const message of [V014_UPDATE, V014_END, { type: 'new', after: { ...v012Object, sub_label: 'Jane Doe' } }]) {
      const e = adapt(message);
      expect(e.payload).not.toHaveProperty('subLabel');
      expect(JSON.stringify(e)).not.toMatch(/Known offender|Jane Doe/);
    }
    expect(adapt(V014_UPDATE, { subLabels: false }).payload).not.toHaveProperty('subLabel');
    expect(adapt(V014_UPDATE, { subLabels: true }).payload.subLabel).toEqual({
      name: 'Known offender 17',
      score: 0.87,
    });
  });

  it('normalises a string sub_label (0.13) and maps other labels to object_detected', () => {
    const e = adapt(
      { type: 'new', after: { ...v012Object, label: 'car', sub_label: 'Delivery van' } },
      { subLabels: true },
    );
    expect(e.type).toBe('object_detected');
    expect(e.payload.subLabel).toEqual({ name: 'Delivery van', score: null });
  });

  it('needs only id, camera and label', () => {
    const e = adapt({ type: 'new', after: { id: 'abc', camera: 'tills', label: 'person' } });
    expect(e).toMatchObject({ vendorEventId: 'abc', zoneLabel: null, confidence: null, occurredAt: ctx.now });
  });

  it('marks the receipt time as such when there is no start_time', () => {
    const e = adapt({ type: 'new', after: { id: 'abc', camera: 'tills', label: 'person' } });
    expect(e.payload.timeSource).toBe('received');
    expect(adapt(V012_NEW).payload).not.toHaveProperty('timeSource');
  });

  it('refuses a start_time that is not epoch seconds instead of using the receipt time', () => {
    for (const start of ['2026-07-01T11:55:00Z', -5, 1e300, {}]) {
      const r = adaptFrigateEvent(
        { type: 'new', after: { id: 'abc', camera: 'tills', label: 'person', start_time: start } },
        ctx,
      );
      expect(r).toMatchObject({ ok: false, issues: [{ path: 'after.start_time' }] });
    }
  });

  it('falls back to before when after is missing', () => {
    expect(adapt({ type: 'end', before: v012Object }).vendorEventId).toBe(v012Object.id);
  });

  it('accepts the raw MQTT bytes or string', () => {
    expect(adapt(JSON.stringify(V012_NEW)).vendorEventId).toBe(v012Object.id);
    expect(adapt(Buffer.from(JSON.stringify(V012_NEW))).vendorEventId).toBe(v012Object.id);
  });

  it('ignores out-of-range scores and junk zone entries', () => {
    const e = adapt({
      after: { id: 'x', camera: 'c', label: 'person', top_score: 3, score: -1, current_zones: [null, 4, 'tills'] },
    });
    expect(e.confidence).toBeNull();
    expect(e.zoneLabel).toBe('tills');
  });

  it.each([
    ['not an object', 'nonsense'],
    ['null', null],
    ['no before/after', { type: 'new' }],
    ['no camera', { after: { id: 'a', label: 'person' } }],
    ['numeric id', { after: { id: 5, camera: 'c', label: 'person' } }],
  ])('refuses %s', (_label, message) => {
    expect(adaptFrigateEvent(message, ctx).ok).toBe(false);
  });
});

describe('frigateCameraName', () => {
  it('finds the camera in after, before or raw JSON', () => {
    expect(frigateCameraName(V014_UPDATE)).toBe('front_entrance');
    expect(frigateCameraName({ before: v012Object })).toBe('front_entrance');
    expect(frigateCameraName(JSON.stringify(V012_NEW))).toBe('front_entrance');
  });

  it('returns null when there is none', () => {
    expect(frigateCameraName(null)).toBeNull();
    expect(frigateCameraName({ after: { id: 'a' } })).toBeNull();
    expect(frigateCameraName('{')).toBeNull();
  });
});

function assertInvariants(r: AdapterResult<NormalisedEvent>): void {
  for (const e of assertAdapterInvariants(r, ctx)) {
    expect(['person_detected', 'object_detected']).toContain(e.type);
    expect(e.confidence === null || (e.confidence >= 0 && e.confidence <= 1)).toBe(true);
  }
}

const FIELDS = [
  'id',
  'camera',
  'label',
  'score',
  'top_score',
  'current_zones',
  'entered_zones',
  'start_time',
  'end_time',
  'sub_label',
  'has_clip',
  'has_snapshot',
  'stationary',
];

const mutated = fc
  .tuple(
    fc.constantFrom(V012_NEW, V014_UPDATE, V014_END),
    fc.constantFrom(...FIELDS),
    fc.option(fc.anything(), { nil: undefined }),
    fc.constantFrom('after', 'before'),
  )
  .map(([message, field, value, side]) => {
    const obj: Record<string, unknown> = { ...message[side] };
    if (value === undefined) delete obj[field];
    else obj[field] = value;
    return { ...message, [side]: obj };
  });

describe('adaptFrigateEvent: properties', () => {
  it('never throws on random input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json(),
          fc.json().map((j) => JSON.parse(j) as unknown),
        ),
        (message) => {
          assertInvariants(adaptFrigateEvent(message, ctx));
          frigateCameraName(message);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on mutated messages, and whatever it produces is valid', () => {
    fc.assert(
      fc.property(mutated, (message) => {
        assertInvariants(adaptFrigateEvent(message, ctx));
        frigateCameraName(message);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts any message with string id, camera and label', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        fc.dictionary(fc.string(), fc.anything()),
        (id, extra) => {
          const r = adaptFrigateEvent({ type: 'update', after: { ...extra, id, camera: 'cam', label: 'person' } }, ctx);
          expect(r.ok).toBe(true);
          assertInvariants(r);
        },
      ),
      { numRuns: 200 },
    );
  });
});
