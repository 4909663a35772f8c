// The HTTP ingest routes, called as Next calls them (their exported POST with a Request
// carrying a real device key) against the real database: hostile and mutated vendor
// payloads get a 4xx with a reason and store nothing, never a 5xx.
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POST as postEvents } from '@/app/api/ingest/events/route';
import { POST as postOnvif } from '@/app/api/ingest/onvif/route';
import { POST as postPos } from '@/app/api/ingest/pos/route';
import { posTransactions, securityEvents } from '@/db/schema';
import {
  CANCELLED,
  EMPTY_SOURCE,
  METADATA_STREAM,
  NO_SALE,
  NOTIFY,
  POSLOG_V2_SALE,
  POSLOG_V6_OVERRIDE,
  PULL_RESPONSE,
  RETURN_WITH_RECEIPT,
  UNKNOWN_MANY_DATA,
  VALID_EVENTS,
  VALID_POS_JSON,
} from '../../unit/adapters/samples';
import { deviceAt } from '../../support/events';
import { db, HOME_STORE } from '../../support/fixtures';

type Route = (req: Request) => Promise<Response>;
type Kind = 'camera' | 'pos';

/**
 * Keys for a route's device kind. The ingest rate limit allows bursts of 100 per device,
 * so a fresh device is registered every 60 requests to keep the fuzzing on the adapters.
 */
const devices = new Map<Kind, { apiKey: string; id: string; used: number }>();
async function keyFor(kind: Kind) {
  const current = devices.get(kind);
  if (current && current.used < 60) {
    current.used++;
    return current;
  }
  const device = await deviceAt(HOME_STORE, kind);
  const fresh = { apiKey: device.apiKey, id: device.id, used: 1 };
  devices.set(kind, fresh);
  return fresh;
}

async function send(route: Route, kind: Kind, contentType: string, body: string, apiKey?: string) {
  const key = apiKey ?? (await keyFor(kind)).apiKey;
  const res = await route(
    new Request('http://localhost/api/ingest', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
      body,
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const storedEvents = async (deviceId: string) =>
  (await db().select({ n: count() }).from(securityEvents).where(eq(securityEvents.deviceId, deviceId)))[0]!.n;
const storedTransactions = async (deviceId: string) =>
  (await db().select({ n: count() }).from(posTransactions).where(eq(posTransactions.deviceId, deviceId)))[0]!.n;

/** What a well-behaved answer looks like: 202 with counts, or a 4xx that says why. */
function expectContract(res: { status: number; body: Record<string, unknown> }) {
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  if (res.status === 202) {
    expect(res.body).toMatchObject({ accepted: expect.any(Number), duplicates: expect.any(Number) });
  } else {
    expect([400, 401, 413, 415, 429]).toContain(res.status);
    expect(res.body.message).toEqual(expect.any(String));
  }
}

// ---------------------------------------------------------------------------------------
// Mutations of real payloads

const HOSTILE_CHARS = ['\u0000', '\uD800', '\uDFFF', '\uFFFF', '\u202E', '\u0007', '\r\n', '"', '<', '&', '\\'];
const XML_HOSTILE = [
  '\u0000',
  '&#xD800;',
  '&#xDFFF;',
  '&#0;',
  '&#x1F;',
  '&#1114112;',
  '<!DOCTYPE x>',
  ']]>',
  '&unknown;',
];
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_CHARS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(' '.repeat(100_000), 'x'.repeat(200_000), `2026-01-01T00:00${' '.repeat(50_000)}x`),
);

/** Insert, truncate, or splice a copy of an element: the shapes real transport damage takes. */
function textMutations(samples: string[], hostile: fc.Arbitrary<string>, element: RegExp) {
  const sample = fc.constantFrom(...samples);
  return fc.oneof(
    fc
      .tuple(sample, fc.nat(), hostile)
      .map(([s, at, junk]) => s.slice(0, at % s.length) + junk + s.slice(at % s.length)),
    fc.tuple(sample, fc.nat()).map(([s, at]) => s.slice(0, at % s.length)),
    fc.tuple(sample, fc.integer({ min: 2, max: 1200 })).map(([s, copies]) => {
      const hit = element.exec(s)?.[0];
      return hit === undefined ? s : s.replace(hit, hit.repeat(copies));
    }),
  );
}

const ONVIF_SAMPLES = [NOTIFY, PULL_RESPONSE, METADATA_STREAM, EMPTY_SOURCE, UNKNOWN_MANY_DATA];
const POSLOG_SAMPLES = [POSLOG_V2_SALE, POSLOG_V6_OVERRIDE, NO_SALE, RETURN_WITH_RECEIPT, CANCELLED];
const xmlHostile = fc.oneof(fc.constantFrom(...XML_HOSTILE), hostileString);

/** Deep nesting in XML: thousands of elements inside a Message. */
const deepXml = fc
  .tuple(fc.constantFrom(...ONVIF_SAMPLES), fc.integer({ min: 50, max: 20_000 }))
  .map(([s, depth]) =>
    s.replace(/(<tt:Message [^>]*>)/, `$1${'<x:a xmlns:x="urn:x">'.repeat(depth)}${'</x:a>'.repeat(depth)}`),
  );

const onvifBodies = fc.oneof(
  textMutations(ONVIF_SAMPLES, xmlHostile, /<wsnt:NotificationMessage>[\s\S]*?<\/wsnt:NotificationMessage>/),
  deepXml,
);
const poslogBodies = textMutations(POSLOG_SAMPLES, xmlHostile, /<Transaction[\s>][\s\S]*?<\/Transaction>/);

/** JSON: set a random leaf (or key) to something hostile, nest data deeply, or damage the text. */
function jsonMutations(sample: unknown, listKey: string) {
  const leafPaths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    else leafPaths.push(path);
  };
  walk(sample, []);
  const setLeaf = fc
    .tuple(fc.constantFrom(...leafPaths), fc.oneof(hostileString, fc.anything()))
    .map(([path, value]) => {
      const copy = structuredClone(sample) as Record<string, unknown>;
      let node: Record<string | number, unknown> = copy;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[path[path.length - 1]!] = value;
      return JSON.stringify(copy);
    });
  const hostileKey = hostileString.map((k) => {
    const copy = structuredClone(sample) as Record<string, Record<string, unknown>[]>;
    copy[listKey]![0]!.data = { [k]: 1 };
    return JSON.stringify(copy);
  });
  // Built as text: the JSON functions themselves overflow on the deepest of these.
  const deep = fc.integer({ min: 20, max: 100_000 }).map((depth) => {
    const copy = structuredClone(sample) as Record<string, Record<string, unknown>[]>;
    copy[listKey]![0]!.data = { deep: 'DEEP' };
    return JSON.stringify(copy).replace('"DEEP"', '['.repeat(depth) + ']'.repeat(depth));
  });
  const deepText = fc
    .integer({ min: 1000, max: 500_000 })
    .map((depth) => `{"${listKey}":[${'['.repeat(depth)}${']'.repeat(depth)}]}`);
  const duplicated = fc.integer({ min: 2, max: 1200 }).map((n) => {
    const copy = structuredClone(sample) as Record<string, unknown[]>;
    copy[listKey] = Array.from({ length: n }, (_, i) => copy[listKey]![i % copy[listKey]!.length]);
    return JSON.stringify(copy);
  });
  const escapedNul = fc
    .constantFrom('\\u0000', '\\ud800', '\\udfff', '\\u0000\\u0000')
    .map((esc) => JSON.stringify(sample).replace(/"([^"]*)"(?=\s*[,}\]])/, `"$1${esc}"`));
  return fc.oneof(
    setLeaf,
    hostileKey,
    deep,
    deepText,
    duplicated,
    escapedNul,
    textMutations([JSON.stringify(sample)], hostileString, /\{[^{}]*\}/),
  );
}

const RUNS = 40;

describe('ingest routes: mutated vendor payloads never get a 5xx', () => {
  it('POST /api/ingest/events', async () => {
    await fc.assert(
      fc.asyncProperty(jsonMutations(VALID_EVENTS, 'events'), async (body) => {
        expectContract(await send(postEvents, 'camera', 'application/json', body));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('POST /api/ingest/onvif', async () => {
    await fc.assert(
      fc.asyncProperty(onvifBodies, async (body) => {
        expectContract(await send(postOnvif, 'camera', 'application/soap+xml', body));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('POST /api/ingest/pos (POSLog XML)', async () => {
    await fc.assert(
      fc.asyncProperty(poslogBodies, async (body) => {
        expectContract(await send(postPos, 'pos', 'application/xml', body));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('POST /api/ingest/pos (JSON)', async () => {
    await fc.assert(
      fc.asyncProperty(jsonMutations(VALID_POS_JSON, 'transactions'), async (body) => {
        expectContract(await send(postPos, 'pos', 'application/json', body));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe('ingest routes: text PostgreSQL cannot hold', () => {
  it('refuses a NUL in an ONVIF attribute with 400 naming the field, and stores nothing (was a 500)', async () => {
    const device = await deviceAt(HOME_STORE, 'camera');
    const body = NOTIFY.replace('Value="Entrance line"', 'Value="Entrance\u0000line"');
    const res = await send(postOnvif, 'camera', 'application/soap+xml', body, device.apiKey);
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      {
        path: expect.stringMatching(/NotificationMessage\.Message\.Message\.Source\.SimpleItem\.2\.@Value$/),
        message: expect.any(String),
      },
    ]);
    expect(await storedEvents(device.id)).toBe(0);
  });

  it.each([
    [
      'events',
      postEvents,
      'camera',
      () => ({ events: [{ ...VALID_EVENTS.events[1], data: { note: 'a\u0000b' } }] }),
      'events.0.data.note',
    ],
    [
      'events',
      postEvents,
      'camera',
      () => ({ events: [{ ...VALID_EVENTS.events[1], zone: 'Till \uD800' }] }),
      'events.0.zone',
    ],
    [
      'pos',
      postPos,
      'pos',
      () => ({ transactions: [{ ...VALID_POS_JSON.transactions[1], receiptRef: '\u0000' }] }),
      'transactions.0.receiptRef',
    ],
  ] as const)(
    'refuses it in JSON sent to /api/ingest/%s, escaped as \\u in the body',
    async (_name, route, kind, body, path) => {
      const device = await deviceAt(HOME_STORE, kind);
      const res = await send(route, kind, 'application/json', JSON.stringify(body()), device.apiKey);
      expect(res.status).toBe(400);
      expect(res.body.issues).toEqual([{ path, message: expect.any(String) }]);
      expect(await (kind === 'pos' ? storedTransactions(device.id) : storedEvents(device.id))).toBe(0);
    },
  );

  it('refuses a NUL or a surrogate reference in POSLog text, storing nothing', async () => {
    const device = await deviceAt(HOME_STORE, 'pos');
    for (const bad of ['\u0000', '&#xD800;']) {
      const res = await send(
        postPos,
        'pos',
        'application/xml',
        POSLOG_V2_SALE.replace('Cola 2L', `Cola${bad}`),
        device.apiKey,
      );
      expect(res.status).toBe(400);
      expect(res.body.issues).toEqual([
        { path: expect.stringMatching(/Sale\.Description$/), message: expect.any(String) },
      ]);
    }
    expect(await storedTransactions(device.id)).toBe(0);
  });
});
