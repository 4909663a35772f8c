/// <reference lib="webworker" />
// Vigil's service worker (bundled by scripts/build-service-worker.ts, not by Next).
// It owns three things: the offline app shell (precache + cached pages), the outbox
// that keeps reports and panic presses made offline until they are delivered, and
// web push notifications.
import { Queue, type QueueOptions } from 'workbox-background-sync';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

type OutboxItem = { kind: 'report' | 'panic'; summary: string; key: string; queuedAt: number };
type FailedItem = OutboxItem & { error: string; failedAt: number };
export type OutboxStatus = { pending: OutboxItem[]; failed: FailedItem[]; needsSignIn: boolean; nativeSync: boolean };

const PAGES_CACHE = 'vigil-pages';
const OUTBOX_PATHS: Record<string, OutboxItem['kind']> = { '/api/incidents': 'report', '/api/panic': 'panic' };

void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// ---------------------------------------------------------------- outbox

// One replay mechanism (DESIGN.md §9): the browser's background sync where it exists;
// where it does not (Safari, Firefox) Workbox replays on worker start and the page asks
// for a replay when it comes back online. The `replaying` promise guards both paths, so
// a replay never runs twice at once; the idempotency key covers anything else.
const nativeSync = 'sync' in self.registration;
let replaying: Promise<void> | null = null;
let needsSignIn = false;

const outbox = new Queue('vigil-outbox', {
  forceSyncFallback: !nativeSync,
  maxRetentionTime: 14 * 24 * 60,
  onSync: (() => guardedReplay()) as QueueOptions['onSync'],
});

function guardedReplay(): Promise<void> {
  replaying ??= replayOutbox().finally(() => {
    replaying = null;
  });
  return replaying;
}

/** Retryable means the report is fine and the moment is wrong: offline, server busy or restarting. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

async function replayOutbox(): Promise<void> {
  let entry;
  try {
    while ((entry = await outbox.shiftRequest())) {
      let res: Response;
      try {
        res = await fetch(entry.request.clone());
      } catch (error) {
        await outbox.unshiftRequest(entry);
        throw error; // still offline: the browser retries the sync later
      }
      if (res.ok) continue;
      if (res.status === 401) {
        // The session ended while offline: keep the report and ask the person to sign in.
        await outbox.unshiftRequest(entry);
        needsSignIn = true;
        throw new Error('sign-in needed');
      }
      if (retryable(res.status)) {
        await outbox.unshiftRequest(entry);
        throw new Error(`server said ${res.status}`);
      }
      // Refused for good (e.g. invalid): never silently dropped, kept for the person to see.
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      await addFailed({ ...(entry.metadata as OutboxItem), error: body.message ?? `Refused (${res.status})`, failedAt: Date.now() });
    }
    needsSignIn = false;
  } finally {
    await broadcastStatus();
  }
}

async function sendOrQueue(request: Request, kind: OutboxItem['kind']): Promise<Response> {
  const copy = request.clone();
  try {
    const res = await fetch(request);
    if (!retryable(res.status)) return res;
  } catch {
    // offline or the server is unreachable: queue below
  }
  const metadata: OutboxItem = {
    kind,
    summary: decodeURIComponent(copy.headers.get('x-vigil-summary') ?? kind),
    key: copy.headers.get('idempotency-key') ?? '',
    queuedAt: Date.now(),
  };
  await outbox.pushRequest({ request: copy, metadata });
  await broadcastStatus();
  return Response.json({ queued: true }, { status: 202, headers: { 'x-vigil-queued': '1' } });
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const kind = OUTBOX_PATHS[url.pathname];
  if (event.request.method === 'POST' && url.origin === self.location.origin && kind) {
    event.respondWith(sendOrQueue(event.request, kind));
  }
});

// Failed items live in their own small IndexedDB store (Workbox's queue only holds pending ones).
const FAILED_DB = 'vigil-outbox-failed';
function failedDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(FAILED_DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('failed', { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
async function withFailed<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await failedDb();
  return new Promise<T>((resolve, reject) => {
    const req = fn(db.transaction('failed', mode).objectStore('failed'));
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
const addFailed = (item: FailedItem) => withFailed('readwrite', (s) => s.put(item));
const listFailed = () => withFailed<FailedItem[]>('readonly', (s) => s.getAll() as IDBRequest<FailedItem[]>);
const dismissFailed = (key: string) => withFailed('readwrite', (s) => s.delete(key));

async function outboxStatus(): Promise<OutboxStatus> {
  const pending = (await outbox.getAll()).map((e) => e.metadata as OutboxItem);
  return { pending, failed: await listFailed(), needsSignIn, nativeSync };
}

async function broadcastStatus(): Promise<void> {
  const status = await outboxStatus();
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'outbox:status', status });
}

// ---------------------------------------------------------------- pages

// Pages: network first (they are live), the last good copy when offline, else /offline.
registerRoute(
  ({ request }) => request.mode === 'navigate',
  new NetworkFirst({
    cacheName: PAGES_CACHE,
    networkTimeoutSeconds: 5,
    plugins: [{ cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null) }],
  }),
);
registerRoute(({ url }) => url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/icons/'), new CacheFirst({ cacheName: 'vigil-static' }));
setCatchHandler(async ({ request }) => (request.destination === 'document' ? ((await matchPrecache('/offline')) ?? Response.error()) : Response.error()));

/** Cache the colleague's pages now, so they open offline even if never visited since install. */
async function warmPages(urls: string[]): Promise<void> {
  const cache = await caches.open(PAGES_CACHE);
  await Promise.all(
    urls.map(async (u) => {
      const res = await fetch(u, { credentials: 'same-origin' }).catch(() => null);
      if (res?.status === 200 && !res.redirected) await cache.put(u, res);
    }),
  );
}

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; urls?: string[]; key?: string } | null;
  const reply = (value: unknown) => event.ports[0]?.postMessage(value);
  switch (data?.type) {
    case 'outbox:status':
      event.waitUntil(outboxStatus().then(reply));
      break;
    case 'outbox:replay':
      // Only where there is no native sync; with it, the browser decides (and a second path would race it).
      if (!nativeSync) event.waitUntil(guardedReplay().catch(() => undefined));
      else event.waitUntil(outbox.registerSync());
      break;
    case 'outbox:dismiss':
      if (data.key) event.waitUntil(dismissFailed(data.key).then(broadcastStatus));
      break;
    case 'pages:warm':
      event.waitUntil(warmPages((data.urls ?? []).filter((u) => u.startsWith('/'))).then(() => reply({ ok: true })));
      break;
    case 'pages:clear':
      // On sign-out: cached pages hold the person's own data.
      event.waitUntil(caches.delete(PAGES_CACHE).then(() => reply({ ok: true })));
      break;
  }
});

// ---------------------------------------------------------------- push

type PushPayload = { title: string; body: string; url: string; tag?: string; kind?: 'alert' | 'report' };

self.addEventListener('push', (event) => {
  const data = (event.data?.json() ?? {}) as Partial<PushPayload>;
  event.waitUntil(
    (async () => {
      // A console already on screen shows alerts itself; a notification would be noise.
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      if (data.kind === 'alert' && windows.some((w) => w.visibilityState === 'visible')) return;
      await self.registration.showNotification(data.title ?? 'Vigil', {
        body: data.body ?? '',
        tag: data.tag,
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        data: { url: data.url ?? '/' },
      });
    })(),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | null)?.url ?? '/';
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window' });
      const existing = windows.find((w) => new URL(w.url).pathname === url);
      if (existing) await existing.focus();
      else await self.clients.openWindow(url);
    })(),
  );
});
