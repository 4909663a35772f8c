/// <reference lib="webworker" />
// Vigil's service worker (bundled by scripts/build-service-worker.ts, not by Next).
// It owns three things: the offline app shell (precached assets and a data-free copy of the
// report page), the outbox that keeps reports and panic presses made offline until their own
// account delivers them, and web push notifications.
import { Queue, type QueueOptions } from 'workbox-background-sync';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { OFFLINE_SHELL_HEADER, isOfflineShellPath } from '@/lib/staff/offline-shell';
import { QUEUED_BY_ANOTHER_ACCOUNT, QUEUED_BY_HEADER } from '@/lib/staff/outbox-owner';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** `owner`: the user id of the account that made it (null: the kiosk, or made before owners were kept). */
type OutboxItem = { kind: 'report' | 'panic'; summary: string; key: string; queuedAt: number; owner: string | null };
type FailedItem = OutboxItem & { error: string; failedAt: number };
type StoredRequest = { url: string; method: string; headers: [string, string][]; body: ArrayBuffer | null };
/** Refused by the server because another account is signed in: kept, outside the queue, for its owner. */
type HeldItem = OutboxItem & { request: StoredRequest };
export type OutboxStatus = {
  pending: OutboxItem[];
  held: OutboxItem[];
  failed: FailedItem[];
  needsSignIn: boolean;
  nativeSync: boolean;
};

const SHELL_CACHE = 'vigil-shell';
/** Earlier versions kept whole signed-in pages here; they hold personal data and are deleted. */
const OLD_PAGES_CACHE = 'vigil-pages';
const OUTBOX_PATHS: Record<string, OutboxItem['kind']> = { '/api/incidents': 'report', '/api/panic': 'panic' };

void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// ---------------------------------------------------------------- outbox

// Replays (DESIGN.md §9): the browser's background sync where it exists; where it does not
// (Safari, Firefox) Workbox replays on worker start. Either way a page that opens or comes
// back online asks for one too (see 'outbox:replay'). Replays run one after another, never
// two at once, so an item is never sent twice; the idempotency key covers anything else.
const nativeSync = 'sync' in self.registration;
let lastReplay: Promise<void> = Promise.resolve();
let needsSignIn = false;

const outbox = new Queue('vigil-outbox', {
  forceSyncFallback: !nativeSync,
  maxRetentionTime: 14 * 24 * 60,
  onSync: (() => serialReplay()) as QueueOptions['onSync'],
});

/**
 * Each caller gets a replay of its own, after the one in progress: a background sync must not
 * inherit the failure of a page's attempt made a moment before the network was back (the
 * browser would then wait minutes before trying again).
 */
const serialReplay = () => serially(replayOutbox);

/** Runs work on the queue after whatever runs on it now (replays, and deleting at the person's request). */
function serially(work: () => Promise<void>): Promise<void> {
  const run = lastReplay.catch(() => undefined).then(work);
  lastReplay = run;
  return run;
}

/** Retryable means the report is fine and the moment is wrong: offline, server busy or restarting. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

type Outcome = 'sent' | 'offline' | 'sign-in' | 'other-account' | 'later' | { refused: string };

async function deliver(request: Request): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(request);
  } catch {
    return 'offline';
  }
  if (res.ok) return 'sent';
  if (res.status === 401) return 'sign-in';
  if (retryable(res.status)) return 'later';
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  // Someone else is signed in: the server refused to file it as them (lib/staff/outbox-owner.ts).
  if (res.status === 409 && body.error === QUEUED_BY_ANOTHER_ACCOUNT) return 'other-account';
  return { refused: body.message ?? `Refused (${res.status})` };
}

async function replayOutbox(): Promise<void> {
  try {
    let entry;
    while ((entry = await outbox.shiftRequest())) {
      const item = entry.metadata as OutboxItem;
      const outcome = await deliver(entry.request.clone());
      if (outcome === 'sent') continue;
      if (outcome === 'other-account') {
        // Out of the queue, so the browser does not retry it for the wrong person again and again.
        await putHeld({ ...item, request: await storeRequest(entry.request) });
        continue;
      }
      if (typeof outcome === 'object') {
        // Refused for good (e.g. invalid): never silently dropped, kept for the person to see.
        await addFailed({ ...item, error: outcome.refused, failedAt: Date.now() });
        continue;
      }
      await outbox.unshiftRequest(entry);
      // The session ended while offline: keep the report and ask the person to sign in.
      if (outcome === 'sign-in') needsSignIn = true;
      throw new Error(`not delivered: ${outcome}`); // the browser retries the sync later
    }
    needsSignIn = false;
    // Reports kept for another account go through once that account is signed in here again.
    for (const item of await listHeld()) {
      const outcome = await deliver(toRequest(item.request));
      if (outcome === 'sent') await deleteHeld(item.key);
      else if (typeof outcome === 'object') {
        await deleteHeld(item.key);
        await addFailed({ ...strip(item), error: outcome.refused, failedAt: Date.now() });
      } else if (outcome === 'offline' || outcome === 'later') break;
    }
  } finally {
    await broadcastStatus();
  }
}

async function storeRequest(request: Request): Promise<StoredRequest> {
  const body = request.method === 'GET' ? null : await request.clone().arrayBuffer();
  return { url: request.url, method: request.method, headers: [...request.headers.entries()], body };
}
const toRequest = (r: StoredRequest) => new Request(r.url, { method: r.method, headers: r.headers, body: r.body, credentials: 'same-origin' });
const strip = ({ request: _request, ...item }: HeldItem): OutboxItem => item;

const somethingWaiting = async () => ((await outbox.size()) ?? 0) > 0 || (await listHeld()).length > 0;

/** Deletes, after the person said so, what other accounts left on this device (queued or held). */
async function discardOthers(owner: string | null): Promise<void> {
  for (const item of await listHeld()) if (item.owner !== owner) await deleteHeld(item.key);
  // The queue can only be walked from the front: take each entry once and put back the ones to keep.
  const count = (await outbox.size()) ?? 0;
  for (let i = 0; i < count; i++) {
    const entry = await outbox.shiftRequest();
    if (!entry) break;
    const item = entry.metadata as OutboxItem;
    if (item.owner && item.owner !== owner) continue;
    await outbox.pushRequest(entry);
  }
  await broadcastStatus();
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
    owner: copy.headers.get(QUEUED_BY_HEADER),
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

// Failed and held items live in their own small IndexedDB stores (Workbox's queue only holds pending ones).
const OUTBOX_DB = 'vigil-outbox-failed';
function outboxDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(OUTBOX_DB, 2);
    req.onupgradeneeded = () => {
      for (const name of ['failed', 'held']) {
        if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, { keyPath: 'key' });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
async function withStore<T>(store: 'failed' | 'held', mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await outboxDb();
  return new Promise<T>((resolve, reject) => {
    const req = fn(db.transaction(store, mode).objectStore(store));
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
const addFailed = (item: FailedItem) => withStore('failed', 'readwrite', (s) => s.put(item));
const listFailed = () => withStore<FailedItem[]>('failed', 'readonly', (s) => s.getAll() as IDBRequest<FailedItem[]>);
const dismissFailed = (key: string) => withStore('failed', 'readwrite', (s) => s.delete(key));
const putHeld = (item: HeldItem) => withStore('held', 'readwrite', (s) => s.put(item));
const listHeld = () => withStore<HeldItem[]>('held', 'readonly', (s) => s.getAll() as IDBRequest<HeldItem[]>);
const deleteHeld = (key: string) => withStore('held', 'readwrite', (s) => s.delete(key));

async function outboxStatus(): Promise<OutboxStatus> {
  // Items queued before owners were kept have none.
  const pending = (await outbox.getAll()).map((e) => e.metadata as OutboxItem).map((i) => ({ ...i, owner: i.owner ?? null }));
  const held = (await listHeld()).map(strip);
  return { pending, held, failed: await listFailed(), needsSignIn, nativeSync };
}

async function broadcastStatus(): Promise<void> {
  const status = await outboxStatus();
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'outbox:status', status });
}

// ---------------------------------------------------------------- pages

// Pages hold personal data (names, reports, cases), so none is ever cached. Offline, the
// report page (and help, and a kiosk's page) open from a copy the server rendered without
// anyone's data for this purpose (lib/staff/offline-shell.ts); anything else shows /offline.
self.addEventListener('activate', (event) => event.waitUntil(caches.delete(OLD_PAGES_CACHE)));

/** On patchy store Wi-Fi a page that does not answer in this time opens from its offline copy. */
const SHELL_TIMEOUT_MS = 5000;

async function offlineShell(url: URL): Promise<Response | undefined> {
  if (!isOfflineShellPath(url.pathname)) return undefined;
  return (await caches.open(SHELL_CACHE)).match(url.pathname, { ignoreSearch: true });
}

registerRoute(
  ({ request }) => request.mode === 'navigate',
  async ({ request, url }) => {
    const network = fetch(request);
    network.catch(() => undefined); // awaited below unless the offline copy answers first
    if (isOfflineShellPath(url.pathname)) {
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), SHELL_TIMEOUT_MS));
      const first = await Promise.race([network, timeout]).catch(() => 'offline' as const);
      if (first instanceof Response) return first;
      const shell = await offlineShell(url);
      if (shell) return shell;
    }
    try {
      return await network;
    } catch {
      return (await matchPrecache('/offline')) ?? Response.error();
    }
  },
);
registerRoute(({ url }) => url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/icons/'), new CacheFirst({ cacheName: 'vigil-static' }));
setCatchHandler(async ({ request }) => (request.destination === 'document' ? ((await matchPrecache('/offline')) ?? Response.error()) : Response.error()));

/** Fetches the data-free offline copies of the colleague's pages, so they open offline even if never visited since install. */
async function warmShell(urls: string[]): Promise<void> {
  const cache = await caches.open(SHELL_CACHE);
  await Promise.all(
    urls.filter(isOfflineShellPath).map(async (u) => {
      const res = await fetch(u, { credentials: 'same-origin', headers: { [OFFLINE_SHELL_HEADER]: '1' } }).catch(() => null);
      if (res?.status === 200 && !res.redirected) await cache.put(u, res);
    }),
  );
}

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; urls?: string[]; key?: string; owner?: string | null } | null;
  const reply = (value: unknown) => event.ports[0]?.postMessage(value);
  switch (data?.type) {
    case 'outbox:status':
      event.waitUntil(outboxStatus().then(reply));
      break;
    case 'outbox:replay':
      // A page opened or came back online. Background sync, where it exists, stays the path for
      // when no page is open; but after a refusal only a sign-in fixes (no session, or another
      // account's) the browser backs off for minutes, so whatever waits is also tried now. Both
      // paths go through serialReplay, so they never run at once.
      event.waitUntil(
        (async () => {
          if (nativeSync) await outbox.registerSync();
          if (!nativeSync || (await somethingWaiting())) await serialReplay().catch(() => undefined);
        })(),
      );
      break;
    case 'outbox:dismiss':
      if (data.key) event.waitUntil(dismissFailed(data.key).then(broadcastStatus));
      break;
    case 'outbox:discard-others':
      event.waitUntil(serially(() => discardOthers(data.owner ?? null)).then(() => reply({ ok: true })));
      break;
    case 'pages:warm':
      event.waitUntil(warmShell((data.urls ?? []).filter((u) => u.startsWith('/'))).then(() => reply({ ok: true })));
      break;
    case 'pages:clear':
      // On the sign-in page: the next person gets offline copies made for them (belt and braces:
      // the copies hold no personal data, but do hold the last person's store).
      event.waitUntil(Promise.all([caches.delete(SHELL_CACHE), caches.delete(OLD_PAGES_CACHE)]).then(() => reply({ ok: true })));
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
