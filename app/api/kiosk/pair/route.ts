import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { TooManyRequests } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { clientIp } from '@/lib/http/client-address';
import { RateLimiter } from '@/lib/http/rate-limit';
import { readJson } from '@/lib/http/read-json';
import { KIOSK_DEVICE_COOKIE, kioskCookieSecure } from '@/lib/kiosk/kiosk-credentials';
import { pairKiosk } from '@/lib/kiosk/pair-kiosk';

// Pairing codes are short; slow down anyone trying to guess one.
const pairLimiter = new RateLimiter(0.1, 5);

export const POST = apiRoute(async (req: Request) => {
  const ip = clientIp(req);
  try {
    pairLimiter.take(ip ?? 'unknown');
  } catch (e) {
    if (e instanceof TooManyRequests) throw new TooManyRequests(`Too many pairing attempts. Wait ${e.retryAfterSeconds} seconds.`, e.retryAfterSeconds);
    throw e;
  }
  const result = await pairKiosk(getDb(), await readJson(req, 1024), ip);
  const res = NextResponse.json({ deviceId: result.deviceId, store: result.store }, { status: 201 });
  // Long-lived on purpose: the kiosk stays paired until someone revokes it.
  res.cookies.set(KIOSK_DEVICE_COOKIE, result.deviceKey, { httpOnly: true, sameSite: 'strict', secure: kioskCookieSecure(req), path: '/', maxAge: 5 * 365 * 24 * 3600 });
  return res;
});
