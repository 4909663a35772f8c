// Reads the Auth.js session cookie outside Next (socket.io handshakes in server.ts).
import { decode } from 'next-auth/jwt';
import { requireEnv } from '@/lib/env';

export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/** The user id in a valid, unexpired session cookie, or null. */
export async function userIdFromCookieHeader(header: string | undefined): Promise<string | null> {
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
    try {
      const payload = await decode({ token, secret: requireEnv('AUTH_SECRET'), salt: name });
      if (payload?.sub && (!payload.exp || payload.exp * 1000 > Date.now())) return payload.sub;
    } catch {
      return null;
    }
  }
  return null;
}
