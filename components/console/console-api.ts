// The console's calls to the alert routes: one shape for success and for every kind
// of failure, with a message written for the person at the screen.
import type { FeedAlert } from './feed-alert';

export type ApiResult<T> =
  { ok: true; status: number; data: T } | { ok: false; message: string; issues: { path: string; message: string }[] };

export async function callApi<T>(
  path: string,
  init?: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> },
): Promise<ApiResult<T>> {
  const method = init?.method ?? (init?.body === undefined ? 'GET' : 'POST');
  const res = await fetch(path, {
    method,
    headers: { ...(init?.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init?.headers },
    body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
    cache: 'no-store',
  }).catch(() => null);
  if (!res) return { ok: false, message: 'No connection. Try again when you are back online.', issues: [] };
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  const issues = Array.isArray(json.issues) ? (json.issues as { path: string; message: string }[]) : [];
  return {
    ok: false,
    message: typeof json.message === 'string' ? json.message : 'That did not work. Please try again.',
    issues,
  };
}

export type AlertResponse = { alert: FeedAlert };
export type IncidentFromAlertResponse = { id: string; ref: string; created: boolean; alert: FeedAlert };

/** A v4 UUID for Idempotency-Key; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
