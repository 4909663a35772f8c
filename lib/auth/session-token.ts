// Reads the Auth.js session cookie outside Next (socket.io handshakes in server.ts).
import { decode } from 'next-auth/jwt';
import { type DbOrTx, getDb } from '@/db/client';
import { requireEnv } from '@/lib/env';
import { isSessionRevoked } from './revoked-sessions';

export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/** The user and session ids in a valid, unexpired, not signed-out session cookie, or null. */
export async function sessionFromCookieHeader(
  header: string | undefined,
  db: DbOrTx = getDb(),
): Promise<{ userId: string; sid: string } | null> {
  const cookies = parseCookieHeader(header);
  for (const name of SESSION_COOKIES) {
    // Auth.js splits large tokens into name.0, name.1, …
    const token =
      cookies[name] ??
      Object.keys(cookies)
        .filter((k) => k.startsWith(`${name}.`))
        .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
        .map((k) => cookies[k])
        .join('');
    if (!token) continue;
    let payload;
    try {
      payload = await decode({ token, secret: requireEnv('AUTH_SECRET'), salt: name });
    } catch {
      return null;
    }
    if (!payload?.sub || (payload.exp && payload.exp * 1000 <= Date.now())) continue;
    // Tokens from before session ids can't be revoked, so they are not accepted either.
    if (typeof payload.sid !== 'string' || (await isSessionRevoked(db, payload.sid))) return null;
    return { userId: payload.sub, sid: payload.sid };
  }
  return null;
}

/** The user id in a valid, unexpired, not signed-out session cookie, or null. */
export async function userIdFromCookieHeader(header: string | undefined, db: DbOrTx = getDb()): Promise<string | null> {
  return (await sessionFromCookieHeader(header, db))?.userId ?? null;
}
