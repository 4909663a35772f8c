// Ingest throughput over HTTP vs raw COPY into the same table, and the latency from
// an HTTP request to `alert:new` at a socket.io client under steady background load.
import { randomUUID } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { io } from 'socket.io-client';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { totpCode } from '@/lib/auth/totp';
import { createDevice } from '@/lib/devices/create-device';
import { type BenchApp, type Figure, percentile } from './harness';

const TYPES = ['person_detected', 'motion', 'door_open', 'loitering', 'shelf_sweep'];

const batchOf = (n: number, t = Date.now()) => ({
  events: Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    type: TYPES[i % TYPES.length],
    occurredAt: new Date(t - i).toISOString(),
    zone: 'entrance',
    confidence: 0.8,
    data: { track: i },
  })),
});

async function post(url: string, key: string, body: unknown) {
  const res = await fetch(`${url}/api/ingest/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  return res.json() as Promise<{ accepted: number }>;
}

async function signInCookie(url: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return r;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const { csrfToken } = (await keep(await fetch(`${url}/api/auth/csrf`)).json()) as { csrfToken: string };
  keep(
    await fetch(`${url}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
      body: new URLSearchParams({ csrfToken, email, password: 'vigil-demo', totp: totpCode('JBSWY3DPEHPK3PXP'), callbackUrl: url }),
    }),
  );
  return cookie();
}

export async function benchIngest(app: BenchApp): Promise<Figure[]> {
  const { apiKey, id: deviceId } = await createDevice(app.db, CLI_OPERATOR, { store: 'LDS01', kind: 'camera', vendor: 'bench' });

  // Warm-up, then throughput: batches of 500 with 4 requests in flight.
  await post(app.url, apiKey, batchOf(500));
  const batches = 60;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches) {
        next++;
        await post(app.url, apiKey, batchOf(500));
      }
    }),
  );
  const httpRate = (batches * 500) / ((performance.now() - started) / 1000);

  // The physical limit: COPY the same rows into the same table.
  const sql = postgres(app.databaseUrl, { max: 1 });
  const [device] = await sql<{ storeId: string }[]>`select store_id as "storeId" from device where id = ${deviceId}`;
  const storeId = device!.storeId;
  const rows = batches * 500;
  const now = Date.now();
  const lines = function* () {
    for (let i = 0; i < rows; i++) {
      yield `${randomUUID()}\t${new Date(now - i).toISOString()}\t${storeId}\t${deviceId}\tcamera\t${TYPES[i % TYPES.length]}\t0.8\tcopy-${randomUUID()}\t{"track": ${i}}\n`;
    }
  };
  const copyStarted = performance.now();
  const writable: Writable = await sql`copy security_event (id, occurred_at, store_id, device_id, source_kind, type, confidence, vendor_event_id, payload) from stdin`.writable();
  await pipeline(Readable.from(lines()), writable);
  const copyRate = rows / ((performance.now() - copyStarted) / 1000);
  await sql.end();

  // Latency: a security officer's socket; panic events at 10/s over 1000 events/s of background load.
  const cookie = await signInCookie(app.url, 'security@demo.vigil');
  const socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const home = await createDevice(app.db, CLI_OPERATOR, { store: 'MCR01', kind: 'sensor', vendor: 'bench' });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  // Panics are sent one at a time, so each alert answers the oldest unanswered send.
  socket.on('alert:new', () => {
    const pending = [...sentAt.entries()].sort((x, y) => x[1] - y[1])[0];
    if (pending) {
      latencies.push(performance.now() - pending[1]);
      sentAt.delete(pending[0]);
    }
  });
  let stop = false;
  const background = (async () => {
    while (!stop) {
      const tick = performance.now();
      await post(app.url, apiKey, batchOf(100));
      await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - tick))));
    }
  })();
  // Warm-up: the first alert also starts the web process's job queue.
  await post(app.url, home.apiKey, { events: [{ id: randomUUID(), type: 'panic', occurredAt: new Date().toISOString() }] });
  await new Promise((r) => setTimeout(r, 1500));
  latencies.length = 0;
  sentAt.clear();
  for (let i = 0; i < 100; i++) {
    const id = randomUUID();
    sentAt.set(id, performance.now());
    await post(app.url, home.apiKey, { events: [{ id, type: 'panic', occurredAt: new Date().toISOString() }] });
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000));
  stop = true;
  await background;
  socket.close();

  return [
    { name: 'HTTP ingest, batches of 500', value: httpRate, unit: 'events/s', target: { op: '>=', value: 10_000 } },
    { name: 'raw COPY of the same rows', value: copyRate, unit: 'rows/s' },
    { name: 'HTTP ingest ÷ COPY', value: httpRate / copyRate, unit: '×', target: { op: '>=', value: 0.25 } },
    { name: 'alerts received (of 100 panics)', value: latencies.length, unit: '', target: { op: '>=', value: 100 } },
    { name: 'request → alert:new p50 (1,000 events/s load)', value: percentile(latencies, 50), unit: 'ms', target: { op: '<=', value: 50 } },
    { name: 'request → alert:new p99', value: percentile(latencies, 99), unit: 'ms', target: { op: '<=', value: 150 } },
  ];
}
