// Browser side of the outbox (the service worker in app/sw.ts keeps the queue). Reports
// and panic presses are POSTed normally; when the network is gone the service worker
// stores the request and answers 202 {queued: true}, and delivers it later.
import type { OutboxStatus } from '@/app/sw';

export type { OutboxStatus };

export type FieldIssue = { path: string; message: string };
export type SendResult =
  | { status: 'sent'; body: Record<string, unknown> }
  | { status: 'queued' }
  | { status: 'rejected'; httpStatus: number; message: string; issues: FieldIssue[] }
  | { status: 'failed'; message: string };

export const EMPTY_STATUS: OutboxStatus = { pending: [], held: [], failed: [], needsSignIn: false, nativeSync: true };

/** Waits (briefly) for the service worker to control the page: only then can anything be queued. */
async function controller(timeoutMs = 3000): Promise<ServiceWorker | null> {
  if (!('serviceWorker' in navigator)) return null;
  if (navigator.serviceWorker.controller) return navigator.serviceWorker.controller;
  await Promise.race([
    new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })),
    new Promise((resolve) => setTimeout(resolve, timeoutMs)),
  ]);
  return navigator.serviceWorker.controller;
}

/** Sends through the service worker's outbox: delivered now, or kept on this device and sent later. */
export async function sendThroughOutbox(url: string, body: BodyInit, headers: Record<string, string>, summary: string): Promise<SendResult> {
  await controller();
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { ...headers, 'x-vigil-summary': encodeURIComponent(summary) } });
  } catch {
    return {
      status: 'failed',
      message: navigator.serviceWorker?.controller
        ? 'It could not be sent or saved. Try again.'
        : 'It could not be sent, and this browser cannot keep it for later. Keep this page open and try again when you have signal.',
    };
  }
  if (res.status === 202 && res.headers.get('x-vigil-queued') === '1') return { status: 'queued' };
  // Error bodies are {error: code, message, issues?} (lib/http/api-route.ts).
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown> & { message?: string; issues?: FieldIssue[] };
  if (res.ok) return { status: 'sent', body: json };
  return { status: 'rejected', httpStatus: res.status, message: json.message ?? `The server said no (${res.status}).`, issues: json.issues ?? [] };
}

function ask<T>(message: Record<string, unknown>, fallback: T, timeoutMs = 2000): Promise<T> {
  const sw = navigator.serviceWorker?.controller;
  if (!sw) return Promise.resolve(fallback);
  return new Promise<T>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(fallback), timeoutMs);
    channel.port1.onmessage = (e) => {
      clearTimeout(timer);
      resolve(e.data as T);
    };
    sw.postMessage(message, [channel.port2]);
  });
}

export const outboxStatus = () => ask<OutboxStatus>({ type: 'outbox:status' }, EMPTY_STATUS);

/** Calls back with the outbox's state whenever the service worker reports a change. */
export function onOutboxStatus(callback: (status: OutboxStatus) => void): () => void {
  if (!('serviceWorker' in navigator)) return () => {};
  const listener = (e: MessageEvent) => {
    const data = e.data as { type?: string; status?: OutboxStatus } | null;
    if (data?.type === 'outbox:status' && data.status) callback(data.status);
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}

export function requestReplay(): void {
  navigator.serviceWorker?.controller?.postMessage({ type: 'outbox:replay' });
}

export function dismissFailed(key: string): void {
  navigator.serviceWorker?.controller?.postMessage({ type: 'outbox:dismiss', key });
}

/** Deletes what other accounts saved on this device (asked for by the person, after confirming). */
export const discardOtherAccounts = (owner: string | null) => ask({ type: 'outbox:discard-others', owner }, null, 10_000);

/** Has the service worker fetch the data-free offline copies of these pages (lib/staff/offline-shell.ts). */
export const warmPages = (urls: string[]) => ask({ type: 'pages:warm', urls }, null, 15_000);
export const clearCachedPages = () => ask({ type: 'pages:clear' }, null);
