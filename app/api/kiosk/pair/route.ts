import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/http/api-route';
import { clientIp } from '@/lib/http/client-address';
import { readJson } from '@/lib/http/read-json';
import { KIOSK_DEVICE_COOKIE, kioskCookieSecure } from '@/lib/kiosk/kiosk-credentials';
import { pairKiosk } from '@/lib/kiosk/pair-kiosk';

export const POST = apiRoute(async (req: Request) => {
  // Attempts are limited per address inside pairKiosk.
  const ip = clientIp(req);
  const result = await pairKiosk(getDb(), await readJson(req, 1024), ip);
  const res = NextResponse.json({ deviceId: result.deviceId, store: result.store }, { status: 201 });
  // Long-lived on purpose: the kiosk stays paired until someone revokes it.
  res.cookies.set(KIOSK_DEVICE_COOKIE, result.deviceKey, {
    httpOnly: true,
    sameSite: 'strict',
    secure: kioskCookieSecure(req),
    path: '/',
    maxAge: 5 * 365 * 24 * 3600,
  });
  return res;
});
