// A paired kiosk holds two httpOnly cookies: the kiosk's own long-lived device key
// (revocable in admin → devices) and, only while a colleague is using it, a short
// signed token naming that colleague. Forgetting the colleague = dropping the token.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { requireEnv } from '@/lib/env';

export const KIOSK_DEVICE_COOKIE = 'vigil_kiosk';
export const KIOSK_COLLEAGUE_COOKIE = 'vigil_kiosk_colleague';

/** Server-side limit on a colleague's kiosk session; the screen forgets them sooner when idle. */
export const KIOSK_COLLEAGUE_TTL_SECONDS = 15 * 60;

type ColleagueClaims = { uid: string; did: string; exp: number };

const sign = (payload: string) => createHmac('sha256', requireEnv('AUTH_SECRET')).update(`kiosk-colleague.${payload}`).digest('base64url');

export function signColleagueToken(userId: string, deviceId: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ uid: userId, did: deviceId, exp: Math.floor(now / 1000) + KIOSK_COLLEAGUE_TTL_SECONDS })).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** The colleague a token names, if it is genuine, unexpired and was issued to this kiosk. */
export function verifyColleagueToken(token: string | undefined, deviceId: string, now = Date.now()): string | null {
  const [payload, mac] = (token ?? '').split('.');
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as ColleagueClaims;
    if (claims.did !== deviceId || claims.exp * 1000 < now) return null;
    return claims.uid;
  } catch {
    return null;
  }
}
