import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { Unauthenticated } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';
import { KIOSK_COLLEAGUE_COOKIE, KIOSK_COLLEAGUE_TTL_SECONDS, signColleagueToken } from '@/lib/kiosk/kiosk-credentials';
import { currentKiosk } from '@/lib/kiosk/kiosk-request';
import { verifyKioskPin } from '@/lib/kiosk/verify-pin';
import { loadActor } from '@/lib/auth/actor';

/** Staff number + PIN → this kiosk knows who is reporting, until reset or idle. */
export const POST = apiRoute(async (req: Request) => {
  const kiosk = await currentKiosk();
  if (!kiosk) throw new Unauthenticated('This screen is not paired as a kiosk. Ask a manager for a pairing code.');
  const { userId } = await verifyKioskPin(getDb(), kiosk.device, await readJson(req, 1024));
  const actor = await loadActor(getDb(), userId);
  const res = NextResponse.json({ name: actor?.name.split(' ')[0] ?? 'there' });
  const secure = new URL(req.url).protocol === 'https:';
  res.cookies.set(KIOSK_COLLEAGUE_COOKIE, signColleagueToken(userId, kiosk.device.id), { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: KIOSK_COLLEAGUE_TTL_SECONDS });
  return res;
});

/** Forget the colleague (reset button, idle timeout). */
export const DELETE = apiRoute(async () => {
  const res = NextResponse.json({ ok: true });
  res.cookies.delete(KIOSK_COLLEAGUE_COOKIE);
  return res;
});
