// The staff PWA: what a phone downloads to open /report (first-load JS, gzip, read from
// the production build on disk), and how fast reports queued offline reach the database
// once the phone is back online (the service worker's Workbox background-sync outbox).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type APIRequestContext, chromium, request } from '@playwright/test';
import { count, like } from 'drizzle-orm';
import { incidents } from '@/db/schema';
import { type BenchApp, type Figure, percentile } from './harness';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium';

const PASSWORD = 'vigil-demo';
const COLLEAGUE = 'colleague@demo.vigil';
const REPORTS = 20;
const STATIC_DIR = path.join(process.cwd(), '.next', 'static');
/** kB as `next build` prints them: 1,000 bytes. */
const KB = 1000;
/** Strings only the map libraries' bundles contain (maplibre-gl's name; mapbox-gl's API host). */
const MAP_SIGNATURES = /maplibre-gl|api\.mapbox\.com/;

const CHROMIUM = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };

type Chunk = { file: string; bytes: number; gzip: number; map: boolean };

/**
 * The JS a browser fetches to show and hydrate `html`: every `<script src>` under
 * /_next/static except `noModule` ones (legacy polyfills a modern phone never fetches),
 * every `<link rel="preload|modulepreload" as="script">`, and any chunk the inline RSC
 * payload names (client components loaded during hydration). Lazy `import()` chunks are
 * not named in the page, so they are rightly not counted.
 */
function firstLoadChunks(html: string): { files: string[]; noModule: string[] } {
  const files = new Set<string>();
  const noModule = new Set<string>();
  const toFile = (src: string) => {
    const m = /\/_next\/static\/([^"'?#\s\\]+\.js)/.exec(src);
    return m ? decodeURIComponent(m[1]!) : null;
  };
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1];
    const file = src ? toFile(src) : null;
    if (!file) continue;
    (/\snomodule\b/i.test(tag) ? noModule : files).add(file);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = /\srel="([^"]+)"/i.exec(tag)?.[1]?.toLowerCase().split(/\s+/) ?? [];
    const as = /\sas="([^"]+)"/i.exec(tag)?.[1]?.toLowerCase();
    const href = /\shref="([^"]+)"/i.exec(tag)?.[1];
    const file = href ? toFile(href) : null;
    if (file && (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script'))) files.add(file);
  }
  // The flight data inside `self.__next_f.push(...)` scripts (escaped JSON strings).
  for (const m of html.matchAll(/static\/(chunks\/[A-Za-z0-9_.~%-]+\.js)/g)) {
    const file = decodeURIComponent(m[1]!);
    if (!noModule.has(file)) files.add(file);
  }
  return { files: [...files].sort(), noModule: [...noModule] };
}

function readChunk(file: string): Chunk {
  const full = path.resolve(STATIC_DIR, file);
  if (!full.startsWith(STATIC_DIR + path.sep)) throw new Error(`Chunk path escapes .next/static: ${file}`);
  const buf = readFileSync(full);
  return {
    file,
    bytes: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    map: MAP_SIGNATURES.test(buf.toString('latin1')),
  };
}

/** The colleague's session in an API client, signed in through the Auth.js endpoints. */
async function colleagueApi(app: BenchApp): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: app.url });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const signIn = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: COLLEAGUE, password: PASSWORD, callbackUrl: `${app.url}/` },
    maxRedirects: 0,
  });
  if (signIn.status() !== 302) throw new Error(`Signing in as ${COLLEAGUE} answered ${signIn.status()}`);
  return api;
}

async function firstLoadJs(api: APIRequestContext, pages: string[]): Promise<Map<string, Chunk[]>> {
  const out = new Map<string, Chunk[]>();
  for (const page of pages) {
    const res = await api.get(page, { maxRedirects: 0 });
    if (res.status() !== 200)
      throw new Error(
        `GET ${page} as the colleague answered ${res.status()} (${res.headers().location ?? 'no redirect'})`,
      );
    const { files, noModule } = firstLoadChunks(await res.text());
    if (files.length === 0) throw new Error(`GET ${page}: no /_next/static scripts found in the HTML`);
    const chunks = files.map(readChunk);
    out.set(page, chunks);
    const legacy = noModule.map(readChunk);
    console.log(
      `[bench] pwa: ${page} first load = ${chunks.length} chunks: ${chunks
        .map((c) => `${c.file.replace(/^chunks\//, '')} ${(c.gzip / KB).toFixed(1)}${c.map ? ' (MAP LIBRARY)' : ''}`)
        .join(', ')} kB gzip` +
        (legacy.length
          ? `; not counted, noModule: ${legacy.map((c) => `${c.file.replace(/^chunks\//, '')} ${(c.gzip / KB).toFixed(1)} kB`).join(', ')}`
          : ''),
    );
  }
  return out;
}

/**
 * The same report POSTed directly (no service worker), one after another: the server's
 * share of the replay, which also sends one at a time. Context for the reconnect figure.
 */
async function directPostMs(api: APIRequestContext, n: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await api.post('/api/incidents', {
      headers: { 'idempotency-key': randomUUID() },
      data: {
        store: 'MCR01',
        type: 'theft',
        occurredAt: new Date().toISOString(),
        description: `bench-pwa direct ${i + 1}`,
      },
    });
    if (res.status() !== 201) throw new Error(`POST /api/incidents answered ${res.status()}: ${await res.text()}`);
    ms.push(performance.now() - started);
  }
  return ms;
}

type Reconnect = {
  queued: number;
  pendingShown: number;
  storedBeforeReconnect: number;
  firstMs: number;
  ms: number;
  final: number;
};

async function reconnect(app: BenchApp): Promise<Reconnect> {
  const marker = `bench-pwa-${randomUUID()}`;
  const stored = async () =>
    (
      await app.db
        .select({ n: count() })
        .from(incidents)
        .where(like(incidents.description, `${marker}%`))
    )[0]!.n;

  const browser = await chromium.launch(CHROMIUM);
  try {
    const context = await browser.newContext({
      baseURL: app.url,
      viewport: { width: 360, height: 640 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(COLLEAGUE);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto('/report');
    // The service worker controls the page and has cached the colleague's pages.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.getByTestId('offline-ready').waitFor({ timeout: 30_000 });

    await context.setOffline(true);
    // Queued exactly as the report form sends (lib/client/outbox.ts): the service worker answers 202 + x-vigil-queued.
    const answers = await page.evaluate(
      async ({ marker, n }) => {
        const out: { status: number; queued: boolean }[] = [];
        for (let i = 0; i < n; i++) {
          const res = await fetch('/api/incidents', {
            method: 'POST',
            credentials: 'same-origin',
            headers: {
              'content-type': 'application/json',
              'idempotency-key': crypto.randomUUID(),
              'x-vigil-summary': encodeURIComponent(`Bench theft ${i + 1}`),
            },
            body: JSON.stringify({
              store: 'MCR01',
              type: 'theft',
              occurredAt: new Date().toISOString(),
              description: `${marker} #${i + 1}`,
            }),
          });
          out.push({ status: res.status, queued: res.headers.get('x-vigil-queued') === '1' });
        }
        return out;
      },
      { marker, n: REPORTS },
    );
    const queued = answers.filter((a) => a.status === 202 && a.queued).length;
    if (queued !== REPORTS) console.log(`[bench] pwa: offline POSTs answered ${JSON.stringify(answers)}`);
    // The banner updates from the worker's broadcasts; wait for the full count, then read what it says.
    const banner = page.getByTestId('outbox-pending');
    await banner
      .filter({ hasText: `${REPORTS} reports waiting to send` })
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    const pendingShown = Number(
      /(\d+) reports? waiting/.exec((await banner.textContent({ timeout: 1000 }).catch(() => null)) ?? '')?.[1] ?? 0,
    );
    const storedBeforeReconnect = await stored();

    const started = performance.now();
    await context.setOffline(false);
    let ms = Infinity;
    let firstMs = Infinity;
    while (performance.now() - started < 30_000) {
      const n = await stored();
      if (n > 0 && firstMs === Infinity) firstMs = performance.now() - started;
      if (n >= REPORTS) {
        ms = performance.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    // Timing reports that were never queued would measure nothing: fail the figure instead.
    if (queued !== REPORTS || storedBeforeReconnect > 0) ms = firstMs = NaN;
    // Anything replayed twice arrives late: give it time, then count again.
    await new Promise((r) => setTimeout(r, 2000));
    const final = await stored();
    const left = await page.getByTestId('outbox-pending').count();
    console.log(
      `[bench] pwa: ${queued}/${REPORTS} queued offline, banner said ${pendingShown} waiting, stored while offline: ${storedBeforeReconnect}, after reconnect: ${final}, outbox banner still shown: ${left > 0}`,
    );
    await context.close();
    return { queued, pendingShown, storedBeforeReconnect, firstMs, ms, final };
  } finally {
    await browser.close();
  }
}

export async function benchPwa(app: BenchApp): Promise<Figure[]> {
  const api = await colleagueApi(app);
  let loads: Map<string, Chunk[]>;
  let direct: number[];
  try {
    loads = await firstLoadJs(api, ['/report', '/my-reports']);
    await directPostMs(api, 3); // warm-up
    direct = await directPostMs(api, REPORTS);
  } finally {
    await api.dispose();
  }
  const sum = (page: string) => loads.get(page)!.reduce((s, c) => s + c.gzip, 0) / KB;
  const mapChunks = loads.get('/report')!.filter((c) => c.map);
  if (mapChunks.length > 0)
    console.log(`[bench] pwa: MAP LIBRARY in /report's first load: ${mapChunks.map((c) => c.file).join(', ')}`);

  const r = await reconnect(app);
  return [
    { name: 'first-load JS /report (gzip)', value: sum('/report'), unit: 'kB', target: { op: '<=', value: 150 } },
    {
      name: 'map library chunks in /report first load',
      value: mapChunks.length,
      unit: '',
      target: { op: '<=', value: 0 },
    },
    { name: 'first-load JS /my-reports (gzip)', value: sum('/my-reports'), unit: 'kB' },
    {
      name: `reports queued offline (202 + x-vigil-queued, of ${REPORTS})`,
      value: r.queued,
      unit: '',
      target: { op: '>=', value: REPORTS },
    },
    {
      name: 'reports waiting, per the outbox banner',
      value: r.pendingShown,
      unit: '',
      target: { op: '>=', value: REPORTS },
    },
    { name: 'reports stored while offline', value: r.storedBeforeReconnect, unit: '', target: { op: '<=', value: 0 } },
    {
      name: `direct POST /api/incidents, ${REPORTS} one after another, p50`,
      value: percentile(direct, 50),
      unit: 'ms',
    },
    { name: `same, total for ${REPORTS}`, value: direct.reduce((a, b) => a + b, 0), unit: 'ms' },
    { name: 'reconnect → first queued report stored', value: r.firstMs, unit: 'ms' },
    {
      name: `reconnect → ${REPORTS} queued reports stored`,
      value: r.ms,
      unit: 'ms',
      target: { op: '<=', value: 2000 },
    },
    { name: 'incidents with the marker at the end', value: r.final, unit: '' },
    { name: 'duplicates or losses', value: Math.abs(r.final - REPORTS), unit: '', target: { op: '<=', value: 0 } },
  ];
}
