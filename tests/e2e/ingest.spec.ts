// The HTTP ingest contract (DESIGN.md §11) against the running app: device keys,
// durable acceptance, dedupe, validation, limits, and the live alert it can raise.
import { randomUUID } from 'node:crypto';
import { apiSession, connectSocket, createDeviceWithCli as createDevice, HOME_STORE, OTHER_STORE } from './helpers';
import { expect, test } from './fixtures';

const ev = (type: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type,
  occurredAt: new Date().toISOString(),
  ...extra,
});

test('a device key ingests a batch once, and a redelivery counts as duplicates', async ({ request, baseURL }) => {
  const device = createDevice(HOME_STORE);
  const headers = { authorization: `Bearer ${device.apiKey}` };
  const events = [ev('door_open', { zone: 'entrance' }), ev('person_detected', { confidence: 0.91 })];
  const first = await request.post('/api/ingest/events', { headers, data: { events } });
  expect(first.status()).toBe(202);
  expect(await first.json()).toMatchObject({ accepted: 2, duplicates: 0 });
  const again = await request.post('/api/ingest/events', { headers, data: { events } });
  expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 2 });

  const { api } = await apiSession(baseURL!, 'security');
  const listed = (await (await api.get(`/api/events?store=${HOME_STORE}&device=${device.id}`)).json()) as {
    events: { vendorEventId: string; zone: string | null }[];
  };
  expect(listed.events.map((e) => e.vendorEventId).sort()).toEqual(events.map((e) => e.id).sort());
  expect(listed.events.find((e) => e.vendorEventId === events[0]!.id)!.zone).toBe('Main entrance');
  expect((await api.get(`/api/events?store=${OTHER_STORE}`)).status()).toBe(403);
});

test('bad input is refused whole with a clear 4xx and nothing is stored', async ({ request, baseURL }) => {
  const device = createDevice(HOME_STORE);
  const headers = { authorization: `Bearer ${device.apiKey}`, 'content-type': 'application/json' };
  const good = ev('door_open');
  const invalid = await request.post('/api/ingest/events', {
    headers,
    data: { events: [good, { id: 'x', type: 'teleport', occurredAt: 'yesterday' }] },
  });
  expect(invalid.status()).toBe(400);
  const body = (await invalid.json()) as { issues: { path: string }[] };
  expect(body.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['events.1.type', 'events.1.occurredAt']));

  expect((await request.post('/api/ingest/events', { headers, data: '{"events": [' })).status()).toBe(400);
  expect((await request.post('/api/ingest/events', { headers, data: { events: [] } })).status()).toBe(400);
  expect(
    (
      await request.post('/api/ingest/events', { headers: { ...headers, 'content-type': 'text/plain' }, data: 'hello' })
    ).status(),
  ).toBe(415);
  const huge = JSON.stringify({ events: [ev('door_open', { data: { blob: 'x'.repeat(5 * 1024 * 1024) } })] });
  expect((await request.post('/api/ingest/events', { headers, data: huge })).status()).toBe(413);

  const { api } = await apiSession(baseURL!, 'security');
  const listed = (await (await api.get(`/api/events?device=${device.id}`)).json()) as { events: unknown[] };
  expect(listed.events).toEqual([]);
});

test('a wrong or revoked key gets 401', async ({ request }) => {
  const res = await request.post('/api/ingest/events', {
    headers: { authorization: 'Bearer vgl_not-a-key' },
    data: { events: [ev('door_open')] },
  });
  expect(res.status()).toBe(401);
  expect((await request.post('/api/ingest/events', { data: { events: [ev('door_open')] } })).status()).toBe(401);
});

// The test server runs with VIGIL_INGEST_RATE=10 (bursts of 20), see playwright.config.ts.
test('a device that floods the endpoint is rate limited, and told when to retry', async ({ request }) => {
  const device = createDevice(HOME_STORE);
  const headers = { authorization: `Bearer ${device.apiKey}` };
  const responses = await Promise.all(
    Array.from({ length: 100 }, () =>
      request.post('/api/ingest/events', { headers, data: { events: [ev('motion')] } }),
    ),
  );
  const limited = responses.filter((r) => r.status() === 429);
  expect(limited.length).toBeGreaterThan(0);
  expect(Number(limited[0]!.headers()['retry-after'])).toBeGreaterThan(0);
  expect(responses.filter((r) => r.status() === 202).length).toBeGreaterThanOrEqual(20);
});

test("a panic event raises a critical alert that reaches its store's security officer live, and no one else's", async ({
  request,
  baseURL,
}) => {
  const { cookie } = await apiSession(baseURL!, 'security');
  const socket = await connectSocket(baseURL!, cookie);
  try {
    const received: { id: string; storeCode: string; severity: string; status: string }[] = [];
    socket.on('alert:new', (a: (typeof received)[number]) => received.push(a));

    const elsewhere = createDevice(OTHER_STORE);
    await request.post('/api/ingest/events', {
      headers: { authorization: `Bearer ${elsewhere.apiKey}` },
      data: { events: [ev('panic')] },
    });
    const home = createDevice(HOME_STORE);
    const res = await request.post('/api/ingest/events', {
      headers: { authorization: `Bearer ${home.apiKey}` },
      data: { events: [ev('panic', { zone: 'tills' })] },
    });
    expect(await res.json()).toMatchObject({ accepted: 1, alerts: 1 });
    await expect.poll(() => received.length, { timeout: 2000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ storeCode: HOME_STORE, severity: 'critical', status: 'open' });
  } finally {
    socket.close();
  }
});

const ONVIF_NOTIFY = (topic: string, time: string) => `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tns1="http://www.onvif.org/ver10/topics">
  <env:Body><wsnt:Notify><wsnt:NotificationMessage>
    <wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">${topic}</wsnt:Topic>
    <wsnt:Message><tt:Message UtcTime="${time}" PropertyOperation="Changed">
      <tt:Source><tt:SimpleItem Name="Rule" Value="entrance"/></tt:Source>
      <tt:Data><tt:SimpleItem Name="State" Value="true"/></tt:Data>
    </tt:Message></wsnt:Message>
  </wsnt:NotificationMessage></wsnt:Notify></env:Body>
</env:Envelope>`;

test('ONVIF notifications are ingested once; XXE and billion-laughs payloads are refused', async ({ request }) => {
  const device = createDevice(HOME_STORE, 'camera');
  const headers = { authorization: `Bearer ${device.apiKey}`, 'content-type': 'application/soap+xml' };
  const xml = ONVIF_NOTIFY('tns1:RuleEngine/LineDetector/Crossed', new Date().toISOString());
  const first = await request.post('/api/ingest/onvif', { headers, data: xml });
  expect(first.status()).toBe(202);
  expect(await first.json()).toMatchObject({ accepted: 1, duplicates: 0 });
  expect(await (await request.post('/api/ingest/onvif', { headers, data: xml })).json()).toMatchObject({
    accepted: 0,
    duplicates: 1,
  });

  const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><wsnt:Notify xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2"><wsnt:NotificationMessage><wsnt:Topic>&xxe;</wsnt:Topic></wsnt:NotificationMessage></wsnt:Notify>`;
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><a>&lol3;</a>`;
  for (const bad of [xxe, laughs, '<not-closed>']) {
    const res = await request.post('/api/ingest/onvif', { headers, data: bad });
    expect(res.status()).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBeTruthy();
  }
  expect(
    (
      await request.post('/api/ingest/onvif', {
        headers: { ...headers, 'content-type': 'application/json' },
        data: '{}',
      })
    ).status(),
  ).toBe(415);
});

test('POSLog XML is ingested, and a refund without a receipt over £50 alerts the store', async ({ request }) => {
  const device = createDevice('LIV01', 'pos');
  const headers = { authorization: `Bearer ${device.apiKey}`, 'content-type': 'application/xml' };
  const poslog = `<?xml version="1.0"?>
<POSLog xmlns="http://www.nrf-arts.org/IXRetail/namespace/">
  <Transaction>
    <RetailStoreID>LIV01</RetailStoreID><WorkstationID>7</WorkstationID><SequenceNumber>${Date.now()}</SequenceNumber>
    <OperatorID>4521</OperatorID><BeginDateTime>${new Date().toISOString()}</BeginDateTime>
    <RetailTransaction>
      <LineItem><Return><ItemID>5010677015240</ItemID><Description>Whisky 70cl</Description><Quantity>3</Quantity><ExtendedAmount>75.00</ExtendedAmount></Return></LineItem>
      <Tender TenderType="Cash"><Amount>75.00</Amount></Tender>
    </RetailTransaction>
  </Transaction>
</POSLog>`;
  const res = await request.post('/api/ingest/pos', { headers, data: poslog });
  expect(res.status()).toBe(202);
  expect(await res.json()).toMatchObject({ accepted: 1, alerts: 1 });
  const again = await request.post('/api/ingest/pos', { headers, data: poslog });
  expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 1, alerts: 0 });
});
