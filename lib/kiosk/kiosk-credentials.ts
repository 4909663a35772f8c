// A paired kiosk holds its own long-lived device key in an httpOnly cookie (revocable
// in admin → devices). While a colleague uses it, the screen holds — in memory only — a
// signed token naming that colleague, sent as a header with each report. Forgetting the
// colleague = dropping the token. Because the header travels inside a queued request, a
// report made offline is still attributed to its reporter when it is sent later.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env, requireEnv } from '@/lib/env';
import { clientUsedHttps } from '@/lib/http/client-address';

export const KIOSK_DEVICE_COOKIE = 'vigil_kiosk';
export { KIOSK_COLLEAGUE_HEADER } from './kiosk-header';

/**
 * The device key is a long-lived bearer secret: Secure whenever the public address is https
 * (TLS may end at a proxy we were not told about) or the request itself came over https.
 */
export function kioskCookieSecure(req: Request, publicUrl: string | undefined = env.VIGIL_PUBLIC_URL): boolean {
  return publicUrl?.startsWith('https:') === true || clientUsedHttps(req);
}

/**
 * How long a token names its colleague. The screen forgets them after a minute idle; this
 * longer limit only lets reports queued offline during the shift still be sent as theirs.
 */
export const KIOSK_COLLEAGUE_TTL_SECONDS = 12 * 3600;

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
