import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { adaptOnvif } from '@/lib/ingest/adapters/onvif';
import { SECURITY_EVENT_TYPES, type NormalisedEvent } from '@/lib/ingest/types';
import {
  CONCRETE,
  EMPTY_SOURCE,
  METADATA_STREAM,
  NOTIFY,
  PULL_RESPONSE,
  UNKNOWN_MANY_DATA,
  message,
  notify,
} from './samples';
import { assertAdapterInvariants, escapeXml, testContext } from './shared';

const ctx = testContext();

function adapt(xml: string): NormalisedEvent[] {
  const r = adaptOnvif(xml, ctx);
  if (!r.ok) throw new Error(r.error);
  return r.items;
}

describe('adaptOnvif: sample documents', () => {
  it('reads a Notify (wsnt:/tt: prefixes) line crossing', () => {
    const [e, ...rest] = adapt(NOTIFY);
    expect(rest).toHaveLength(0);
    expect(e).toMatchObject({
      storeId: ctx.storeId,
      deviceId: ctx.deviceId,
      sourceKind: 'camera',
      type: 'line_crossing',
      zoneLabel: 'Entrance line',
      confidence: null,
      payload: {
        topic: 'tns1:RuleEngine/LineDetector/Crossed',
        topicDialect: CONCRETE,
        propertyOperation: 'Changed',
        source: {
          VideoSourceConfigurationToken: 'VideoSourceToken',
          VideoAnalyticsConfigurationToken: 'VideoAnalyticsToken',
          Rule: 'Entrance line',
        },
        key: {},
        data: { ObjectId: '7' },
        active: true,
      },
    });
    expect(e?.occurredAt.toISOString()).toBe('2026-07-01T11:58:12.250Z');
    expect(e?.vendorEventId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads both messages of a PullMessagesResponse (SOAP-ENV:/tev: prefixes)', () => {
    const [motion, cell] = adapt(PULL_RESPONSE);
    expect(motion).toMatchObject({
      type: 'motion',
      zoneLabel: null,
      payload: { data: { State: 'true' }, active: true },
    });
    expect(motion?.occurredAt.toISOString()).toBe('2026-07-01T11:58:30.000Z');
    // IsMotion=false is the alarm ending: still an event, marked inactive.
    expect(cell).toMatchObject({
      type: 'motion',
      zoneLabel: 'MyMotionDetectorRule',
      payload: { data: { IsMotion: 'false' }, active: false },
    });
    expect(motion?.vendorEventId).not.toBe(cell?.vendorEventId);
  });

  it('reads a metadata stream event; a UtcTime without offset is UTC', () => {
    const [e] = adapt(METADATA_STREAM);
    expect(e).toMatchObject({
      type: 'intrusion',
      zoneLabel: 'Stockroom',
      payload: { propertyOperation: 'Initialized', key: { ObjectId: '12' }, data: { IsInside: '1' }, active: true },
    });
    expect(e?.occurredAt.toISOString()).toBe('2026-07-01T11:57:00.000Z');
  });

  it('accepts empty Source/Key and a missing PropertyOperation', () => {
    const [e] = adapt(EMPTY_SOURCE);
    expect(e).toMatchObject({
      type: 'tamper',
      zoneLabel: null,
      payload: { source: {}, key: {}, data: { State: 'false' }, propertyOperation: null, active: false },
    });
  });

  it('stores an unknown topic as other and keeps every Data item as a string', () => {
    const [e] = adapt(UNKNOWN_MANY_DATA);
    expect(e?.type).toBe('other');
    expect(e?.payload).toMatchObject({
      topic: 'tnsaxis:CameraApplicationPlatform/ObjectAnalytics/Device1Scenario1',
      data: { active: '1', classTypes: 'human', objectId: '00042', triggerTime: '2026-07-01T11:51:00Z' },
    });
  });

  it('keeps every value of a repeated SimpleItem name', () => {
    const [e] = adapt(
      message(
        'tns1:RuleEngine/LineDetector/Crossed',
        'UtcTime="2026-07-01T11:00:00Z"',
        '<tt:Data><tt:SimpleItem Name="ObjectId" Value="1"/><tt:SimpleItem Name="ObjectId" Value="2"/></tt:Data>',
      ),
    );
    expect(e?.payload.data).toEqual({ ObjectId: ['1', '2'] });
  });

  it.each([
    ['tns1:RuleEngine/TamperDetector/Tamper', 'tamper'],
    ['tns1:VideoSource/ImageTooBlurry/AnalyticsService', 'tamper'],
    ['tns1:RuleEngine/MotionRegionDetector/Motion', 'motion'],
    ['tns1:RuleEngine/LoiteringDetector/ObjectIsLoitering', 'loitering'],
    ['tns1:Device/Trigger/DigitalInput', 'other'],
    ['tns1:Device/IO/VirtualPort', 'other'],
    ['tns1:Monitoring/ProcessorUsage', 'other'],
    ['', 'other'],
  ])('maps topic %s to %s', (topic, type) => {
    const [e] = adapt(
      message(
        topic,
        'UtcTime="2026-07-01T11:00:00Z"',
        '<tt:Data><tt:SimpleItem Name="LogicalState" Value="true"/></tt:Data>',
      ),
    );
    expect(e?.type).toBe(type);
  });

  it('calls a digital input a door only when the device names it a door', () => {
    const door = (state: string) =>
      message(
        'tns1:Device/Trigger/DigitalInput',
        'UtcTime="2026-07-01T11:00:00Z"',
        `<tt:Source><tt:SimpleItem Name="InputToken" Value="FireExitDoor"/></tt:Source><tt:Data><tt:SimpleItem Name="LogicalState" Value="${state}"/></tt:Data>`,
      );
    expect(adapt(door('true'))[0]?.type).toBe('door_open');
    expect(adapt(door('false'))[0]).toMatchObject({ type: 'door_closed', payload: { active: false } });
  });

  it('maps the ONVIF door service physical state', () => {
    const state = (s: string) =>
      adapt(
        message(
          'tns1:Door/State/DoorPhysicalState',
          'UtcTime="2026-07-01T11:00:00Z"',
          `<tt:Data><tt:SimpleItem Name="State" Value="${s}"/></tt:Data>`,
        ),
      )[0]?.type;
    expect(state('Open')).toBe('door_open');
    expect(state('Closed')).toBe('door_closed');
    expect(state('Fault')).toBe('other');
  });

  it('reads a topic given as nested elements', () => {
    const xml = notify(
      '<wsnt:NotificationMessage><wsnt:Topic><tns1:RuleEngine xmlns:tns1="http://www.onvif.org/ver10/topics"><LineDetector><Crossed/></LineDetector></tns1:RuleEngine></wsnt:Topic><wsnt:Message><tt:Message UtcTime="2026-07-01T11:00:00Z"/></wsnt:Message></wsnt:NotificationMessage>',
    );
    expect(adapt(xml)[0]).toMatchObject({
      type: 'line_crossing',
      payload: { topic: 'RuleEngine/LineDetector/Crossed' },
    });
  });

  it('uses the receipt time when UtcTime is missing, and says so in the payload', () => {
    const [e] = adapt(
      message('tns1:VideoSource/MotionAlarm', '', '<tt:Data><tt:SimpleItem Name="State" Value="true"/></tt:Data>'),
    );
    expect(e?.occurredAt).toEqual(ctx.now);
    expect(e?.payload.timeSource).toBe('received');
    expect(adapt(NOTIFY)[0]?.payload).not.toHaveProperty('timeSource');
  });

  it('refuses an unparseable UtcTime, naming the notification, instead of using the receipt time', () => {
    for (const attrs of ['UtcTime="soon"', 'UtcTime="2026-02-30T10:00:00Z"']) {
      const one = (a: string) =>
        `<wsnt:NotificationMessage><wsnt:Topic Dialect="${CONCRETE}">tns1:VideoSource/MotionAlarm</wsnt:Topic><wsnt:Message><tt:Message ${a}/></wsnt:Message></wsnt:NotificationMessage>`;
      const r = adaptOnvif(notify(one('UtcTime="2026-07-01T11:00:00Z"') + one(attrs)), ctx);
      expect(r).toMatchObject({ ok: false, issues: [{ path: 'NotificationMessage.1.UtcTime' }] });
    }
  });

  it('reads a Confidence data item in 0..1', () => {
    const [e] = adapt(
      message(
        'tns1:RuleEngine/FieldDetector/ObjectsInside',
        'UtcTime="2026-07-01T11:00:00Z"',
        '<tt:Data><tt:SimpleItem Name="Confidence" Value="0.83"/></tt:Data>',
      ),
    );
    expect(e?.confidence).toBe(0.83);
  });
});

describe('adaptOnvif: deterministic ids', () => {
  it('gives a redelivery the same id, whatever prefixes the producer used', () => {
    const again = NOTIFY.replaceAll('env:', 'soap:')
      .replaceAll('xmlns:env', 'xmlns:soap')
      .replaceAll('wsnt:', 'b2:')
      .replaceAll('xmlns:wsnt', 'xmlns:b2');
    expect(adapt(again).map((e) => e.vendorEventId)).toEqual(adapt(NOTIFY).map((e) => e.vendorEventId));
  });

  it('gives a different id to a different time or data', () => {
    const [base] = adapt(NOTIFY);
    const [later] = adapt(NOTIFY.replace('11:58:12.250Z', '11:58:13.250Z'));
    const [otherObject] = adapt(NOTIFY.replace('Value="7"', 'Value="8"'));
    expect(later?.vendorEventId).not.toBe(base?.vendorEventId);
    expect(otherObject?.vendorEventId).not.toBe(base?.vendorEventId);
  });
});

const XXE = NOTIFY.replace(
  '<env:Envelope',
  '<!DOCTYPE env:Envelope [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<env:Envelope',
).replace('Entrance line', '&xxe;');

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE Notify [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
${message('tns1:VideoSource/MotionAlarm', 'UtcTime="2026-07-01T11:00:00Z"', '<tt:Source><tt:SimpleItem Name="Rule" Value="&i;"/></tt:Source>')}`;

describe('adaptOnvif: refusals', () => {
  it('refuses XXE', () => {
    const r = adaptOnvif(XXE, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/DOCTYPE/);
  });

  it('refuses billion laughs without hanging', () => {
    const started = Date.now();
    const r = adaptOnvif(BILLION_LAUGHS, ctx);
    expect(r.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses XML that is not well-formed', () => {
    const r = adaptOnvif(NOTIFY.slice(0, NOTIFY.length / 2), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not well-formed/);
  });

  it('refuses a document with no NotificationMessage', () => {
    const r = adaptOnvif(
      '<tev:PullMessagesResponse xmlns:tev="http://www.onvif.org/ver10/events/wsdl"><tev:CurrentTime>2026-07-01T11:59:00Z</tev:CurrentTime></tev:PullMessagesResponse>',
      ctx,
    );
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/NotificationMessage/) });
  });

  it('takes up to 1000 NotificationMessages per request and refuses more, like the JSON route', () => {
    const one = (i: number) =>
      `<wsnt:NotificationMessage><wsnt:Topic Dialect="${CONCRETE}">tns1:VideoSource/MotionAlarm</wsnt:Topic><wsnt:Message><tt:Message UtcTime="2026-07-01T11:00:00Z"><tt:Data><tt:SimpleItem Name="N" Value="${i}"/></tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage>`;
    const many = (n: number) => notify(Array.from({ length: n }, (_, i) => one(i)).join(''));
    const ok = adaptOnvif(many(1000), ctx);
    expect(ok.ok && ok.items).toHaveLength(1000);
    const r = adaptOnvif(many(1001), ctx);
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 1000/),
      issues: [{ path: 'NotificationMessage' }],
    });
  });

  it('refuses non-strings and empty input', () => {
    expect(adaptOnvif('', ctx).ok).toBe(false);
    expect(adaptOnvif(undefined as unknown as string, ctx).ok).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------
// Property tests

function assertInvariants(xml: string): void {
  const r = adaptOnvif(xml, ctx);
  const items = assertAdapterInvariants(r, ctx);
  if (!r.ok) return;
  expect(items.length).toBeGreaterThan(0);
  for (const e of items) {
    expect(e.occurredAt).toBeInstanceOf(Date);
    expect(SECURITY_EVENT_TYPES).toContain(e.type);
    expect(e.vendorEventId).toMatch(/^[0-9a-f]{64}$/);
    expect(() => JSON.stringify(e.payload)).not.toThrow();
  }
}

const SAMPLES = [NOTIFY, PULL_RESPONSE, METADATA_STREAM, EMPTY_SOURCE, UNKNOWN_MANY_DATA];

/** Mutations of valid samples: cut, splice, drop an element, or swap an attribute value. */
const mutated = fc.oneof(
  fc.tuple(fc.constantFrom(...SAMPLES), fc.nat(), fc.nat({ max: 200 })).map(([xml, at, len]) => {
    const i = at % xml.length;
    return xml.slice(0, i) + xml.slice(i + len);
  }),
  fc.tuple(fc.constantFrom(...SAMPLES), fc.nat(), fc.string()).map(([xml, at, junk]) => {
    const i = at % xml.length;
    return xml.slice(0, i) + junk + xml.slice(i);
  }),
  fc.tuple(fc.constantFrom(...SAMPLES), fc.nat()).map(([xml, n]) => {
    const elements = [...xml.matchAll(/<([\w-]+:)?(SimpleItem|Source|Key|Data|Topic|Message)\b[^>]*\/>/g)];
    const hit = elements[n % Math.max(elements.length, 1)];
    return hit === undefined ? xml : xml.replace(hit[0], '');
  }),
  fc
    .tuple(
      fc.constantFrom(...SAMPLES),
      fc.nat(),
      fc.oneof(
        fc.string(),
        fc.constantFrom('', 'true', '0', 'NaN', '2026-13-01T00:00:00Z', '9999-12-31T23:59:59Z', '-1', '__proto__'),
      ),
    )
    .map(([xml, n, value]) => {
      let k = 0;
      const count = (xml.match(/="[^"]*"/g) ?? []).length;
      const target = n % Math.max(count, 1);
      return xml.replace(/="[^"]*"/g, (whole) => (k++ === target ? `="${escapeXml(value)}"` : whole));
    }),
  fc
    .tuple(
      fc.constantFrom(...SAMPLES),
      fc.constantFrom('Topic', 'Message', 'Source', 'Data', 'SimpleItem', 'NotificationMessage'),
      fc.constantFrom('Foo', 'constructor', 'Topic', 'Message'),
    )
    .map(([xml, from, to]) => xml.replace(new RegExp(`(</?[\\w-]*:?)${from}\\b`, 'g'), `$1${to}`)),
);

/** Random well-formed ONVIF-shaped trees, so fuzzing gets past the well-formedness check. */
const NAMES = [
  'wsnt:NotificationMessage',
  'wsnt:Topic',
  'wsnt:Message',
  'tt:Message',
  'tt:Source',
  'tt:Key',
  'tt:Data',
  'tt:SimpleItem',
  'tev:PullMessagesResponse',
  'x:Other',
];
const ATTR_VALUES = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'true',
    'false',
    '1',
    '2026-07-01T11:58:12Z',
    '2026-07-01T11:58:12',
    'tns1:VideoSource/MotionAlarm',
    'Rule',
    '',
  ),
);
const xmlTree = fc.letrec<{ tree: string; leaf: string; node: string }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('node')),
  leaf: fc.oneof(
    fc.string().map(escapeXml),
    fc.constantFrom('tns1:RuleEngine/LineDetector/Crossed', 'tns1:Device/Trigger/DigitalInput'),
  ),
  node: fc
    .tuple(
      fc.constantFrom(...NAMES),
      fc.dictionary(fc.constantFrom('Name', 'Value', 'UtcTime', 'PropertyOperation', 'Dialect'), ATTR_VALUES, {
        maxKeys: 3,
      }),
      fc.array(tie('tree'), { maxLength: 4 }),
    )
    .map(([name, attrs, kids]) => {
      const a = Object.entries(attrs)
        .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
        .join('');
      return `<${name}${a}>${kids.join('')}</${name}>`;
    }),
}));
const document = xmlTree.node.map((body) => notify(`<wsnt:NotificationMessage>${body}</wsnt:NotificationMessage>`));

describe('adaptOnvif: properties', () => {
  it('never throws on random strings or non-strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (input) => {
        assertInvariants(input as string);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on mutated samples, and whatever it produces is valid', () => {
    fc.assert(fc.property(mutated, assertInvariants), { numRuns: 200 });
  });

  it('never throws on random ONVIF-shaped documents, and produces events unless a UtcTime is unreadable', () => {
    fc.assert(
      fc.property(document, (xml) => {
        assertInvariants(xml);
        const r = adaptOnvif(xml, ctx);
        if (!r.ok) expect(r.issues?.map((i) => i.path)).toEqual([expect.stringMatching(/UtcTime$/)]);
      }),
      { numRuns: 200 },
    );
  });
});
