import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { requestIp } from '@/lib/auth/current-actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';
import { KIOSK_DEVICE_COOKIE } from '@/lib/kiosk/kiosk-credentials';
import { pairKiosk } from '@/lib/kiosk/pair-kiosk';

export const POST = apiRoute(async (req: Request) => {
  // Attempts are limited per address inside pairKiosk.
  const ip = await requestIp();
  const result = await pairKiosk(getDb(), await readJson(req, 1024), ip);
  const res = NextResponse.json({ deviceId: result.deviceId, store: result.store }, { status: 201 });
  const secure = new URL(req.url).protocol === 'https:';
  // Long-lived on purpose: the kiosk stays paired until someone revokes it.
  res.cookies.set(KIOSK_DEVICE_COOKIE, result.deviceKey, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: 5 * 365 * 24 * 3600,
  });
  return res;
});
