// Socket fan-out: 2,000 authenticated socket.io clients across 20 store rooms (100 per
// store, one security officer's session each), one alert per store per second, and the
// latency from the alert being saved to its `alert:new` at every client, plus the
// server's memory per 1,000 connected sockets.
//
// Alerts are raised the way workers raise them (insertAlert + announceAlert, pushed
// through PostgreSQL NOTIFY to the server's socket.io adapter) from a child process
// running this same file: lib/env reads DATABASE_URL once at import, and the bench
// process's own environment points elsewhere. Latency uses the payload's `createdAt`
// (the database's clock at insert; same machine, same clock as the clients).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { asc, inArray } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { io, type Socket } from 'socket.io-client';
import { memberships, stores, users } from '@/db/schema';
import { requireEnv } from '@/lib/env';
import { type BenchApp, type Figure, percentile } from './harness';

const STORES = 20;
const SOCKETS_PER_STORE = 100;
const SECONDS = Number(process.env.VIGIL_BENCH_SOCKET_SECONDS ?? 30);
const CONNECT_CONCURRENCY = 100;
const SESSION_COOKIE = 'authjs.session-token';

type Target = { storeId: string; code: string };

/** VmRSS of a process in kB, or NaN off Linux. */
function rssKb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    return Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** The soft "Max open files" limit of a process (Node raises its soft limit to the hard one at start-up). */
function openFileLimit(pid: number | 'self'): number {
  try {
    const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === 'unlimited' ? Infinity : Number(soft ?? Infinity);
  } catch {
    return Infinity;
  }
}

/**
 * Every socket holds a file descriptor in this process and one in the server. Node cannot
 * raise its own limit past the hard limit it started with (it already lifts the soft one),
 * so a shell with a low hard limit must run `ulimit -n 8192` (or more) before the bench.
 */
function checkFileLimits(serverPid: number | undefined, sockets: number) {
  const need = sockets + 500;
  for (const [who, pid] of [
    ['bench', 'self'],
    ['server', serverPid],
  ] as const) {
    if (pid === undefined) continue;
    const limit = openFileLimit(pid);
    if (limit < need)
      throw new Error(
        `The ${who} process may open only ${limit} files; ${sockets} sockets need about ${need}. Run \`ulimit -n 8192\` first.`,
      );
  }
}

/** One security officer per store, with a session cookie minted exactly as Auth.js would (same secret, salt and cookie name). */
async function securityOfficers(app: BenchApp, targets: Target[]): Promise<Map<string, string>> {
  const emails = targets.map((t) => `bench-security-${t.code.toLowerCase()}@bench.vigil`);
  await app.db
    .insert(users)
    .values(targets.map((t, i) => ({ email: emails[i]!, name: `Bench Security ${t.code}` })))
    .onConflictDoNothing();
  const rows = await app.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  await app.db
    .insert(memberships)
    .values(
      targets.map((t, i) => ({
        userId: byEmail.get(emails[i]!)!,
        role: 'security' as const,
        scopeType: 'store' as const,
        storeId: t.storeId,
      })),
    )
    .onConflictDoNothing();
  const secret = requireEnv('AUTH_SECRET');
  const cookies = new Map<string, string>();
  for (const [i, t] of targets.entries()) {
    const token = await encode({
      token: { sub: byEmail.get(emails[i]!)! },
      secret,
      salt: SESSION_COOKIE,
      maxAge: 3600,
    });
    cookies.set(t.storeId, `${SESSION_COOKIE}=${token}`);
  }
  return cookies;
}

function connect(url: string, cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    // forceNew: without it socket.io-client multiplexes every io(url) over one connection.
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 30_000,
      extraHeaders: { cookie },
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

/** Runs the emitter child: `{ go: seconds }` → alerts at 1/store/s → `{ raised }`. */
function startEmitter(app: BenchApp, targets: Target[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename], {
    env: {
      ...process.env,
      DATABASE_URL: app.databaseUrl,
      VIGIL_BENCH_EMITTER: '1',
      VIGIL_BENCH_TARGETS: JSON.stringify(targets),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`alert emitter exited early (${code})`)));
  });
  const run = (seconds: number) =>
    new Promise<number>((resolve, reject) => {
      child.once('message', (m: { raised: number }) => resolve(m.raised));
      child.once('exit', (code) => reject(new Error(`alert emitter exited (${code})`)));
      child.send({ go: seconds });
    });
  return { ready, run, stop: () => child.connected && child.send({ stop: true }) };
}

export async function benchSockets(app: BenchApp): Promise<Figure[]> {
  const total = STORES * SOCKETS_PER_STORE;
  checkFileLimits(app.pid, total);
  const targets: Target[] = (
    await app.db.select({ storeId: stores.id, code: stores.code }).from(stores).orderBy(asc(stores.code)).limit(STORES)
  ).map((s) => ({ ...s }));
  if (targets.length < STORES)
    throw new Error(`The bench needs ${STORES} stores; the demo data has ${targets.length}.`);
  const cookies = await securityOfficers(app, targets);

  // The first socket tells us whether the minted session is accepted at all.
  await connect(app.url, cookies.get(targets[0]!.storeId)!).then(
    (s) => s.close(),
    (e: Error) => {
      throw new Error(`A bench session was refused (${e.message}): does the server share this process's AUTH_SECRET?`);
    },
  );
  await new Promise((r) => setTimeout(r, 500));
  const rssBefore = rssKb(app.pid);

  const sockets: Socket[] = [];
  const latencies: number[] = [];
  let measuring = false;
  let received = 0;
  const plan = targets.flatMap((t) => Array.from({ length: SOCKETS_PER_STORE }, () => t));
  const connectStarted = performance.now();
  let next = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: CONNECT_CONCURRENCY }, async () => {
      while (next < plan.length) {
        const t = plan[next++]!;
        try {
          const socket = await connect(app.url, cookies.get(t.storeId)!);
          socket.on('alert:new', (p: { storeCode: string; createdAt: string }) => {
            const at = Date.now();
            if (!measuring || p.storeCode !== t.code) return;
            received++;
            latencies.push(at - Date.parse(p.createdAt));
          });
          sockets.push(socket);
        } catch {
          refused++;
        }
      }
    }),
  );
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  await new Promise((r) => setTimeout(r, 3000));
  const rssConnected = rssKb(app.pid);

  const emitter = startEmitter(app, targets);
  try {
    await emitter.ready;
    await emitter.run(2); // warm-up: pools, prepared statements, JIT
    await new Promise((r) => setTimeout(r, 1000));
    measuring = true;
    const raised = await emitter.run(SECONDS);
    await new Promise((r) => setTimeout(r, 2000));
    measuring = false;
    const expected = raised * SOCKETS_PER_STORE;
    const rssLoaded = rssKb(app.pid);
    const perThousandMb = ((rssConnected - rssBefore) / 1024 / Math.max(1, sockets.length)) * 1000;
    console.log(
      `[bench] sockets: ${sockets.length} connected (${refused} refused) in ${connectSeconds.toFixed(1)} s; server RSS ${Math.round(rssBefore / 1024)} → ${Math.round(rssConnected / 1024)} MB connected → ${Math.round(rssLoaded / 1024)} MB after load; ${received}/${expected} deliveries`,
    );
    return [
      {
        name: `sockets connected (${STORES} stores × ${SOCKETS_PER_STORE})`,
        value: sockets.length,
        unit: '',
        target: { op: '>=', value: total },
      },
      { name: 'connect + authenticate', value: sockets.length / connectSeconds, unit: 'sockets/s' },
      { name: `alerts raised (1 per store per second, ${SECONDS} s)`, value: raised, unit: '' },
      {
        name: 'alert:new deliveries received ÷ expected',
        value: expected ? received / expected : 0,
        unit: '×',
        target: { op: '>=', value: 1 },
      },
      { name: 'alert saved → alert:new at each client, p50', value: percentile(latencies, 50), unit: 'ms' },
      { name: 'same, p95', value: percentile(latencies, 95), unit: 'ms' },
      { name: 'same, p99', value: percentile(latencies, 99), unit: 'ms', target: { op: '<=', value: 250 } },
      { name: 'server memory per 1,000 sockets (RSS)', value: perThousandMb, unit: 'MB' },
      { name: `server RSS with ${sockets.length} sockets, under load`, value: rssLoaded / 1024, unit: 'MB' },
    ];
  } finally {
    emitter.stop();
    for (const s of sockets) s.close();
  }
}

/** The child side: raises alerts like a worker (saved, then pushed through PostgreSQL). */
async function emitterChild() {
  const { getSql, getDb } = await import('@/db/client');
  const { announceAlert, insertAlert } = await import('@/lib/alerts/raise-alert');
  const { closeEmitter } = await import('@/lib/realtime/emitter');
  const targets = JSON.parse(process.env.VIGIL_BENCH_TARGETS ?? '[]') as Target[];
  const db = getDb();
  const raiseOne = async (t: Target) => {
    const alert = await insertAlert(db, {
      storeId: t.storeId,
      ruleId: null,
      zoneId: null,
      title: 'Bench alert',
      severity: 'high',
      source: 'sensor',
      triggeringEventIds: [],
      detail: { reason: 'Socket fan-out bench' },
    });
    await announceAlert(db, alert, null);
  };
  process.on('message', (m: { go?: number; stop?: boolean }) => {
    if (m.stop) {
      void closeEmitter()
        .then(() => getSql().end())
        .finally(() => process.exit(0));
      return;
    }
    const seconds = m.go ?? 0;
    void (async () => {
      // Spread evenly: one store every 1000/STORES ms, on an absolute clock so it never drifts.
      const step = 1000 / targets.length;
      const start = performance.now();
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < seconds * targets.length; i++) {
        const wait = start + i * step - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        inFlight.push(raiseOne(targets[i % targets.length]!));
      }
      const results = await Promise.allSettled(inFlight);
      for (const r of results) if (r.status === 'rejected') console.error('[bench] raising an alert failed:', r.reason);
      process.send!({ raised: results.filter((r) => r.status === 'fulfilled').length });
    })();
  });
  process.send!({ ready: true });
}

if (process.env.VIGIL_BENCH_EMITTER === '1') void emitterChild();
