import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { loadActor } from '@/lib/auth/actor';
import { Unauthenticated } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';
import { signColleagueToken } from '@/lib/kiosk/kiosk-credentials';
import { currentKiosk } from '@/lib/kiosk/kiosk-request';
import { verifyKioskPin } from '@/lib/kiosk/verify-pin';

/**
 * Staff number + PIN → a token naming the colleague, which the kiosk screen keeps in
 * memory and sends with each report until it resets (see lib/kiosk/kiosk-credentials.ts).
 */
export const POST = apiRoute(async (req: Request) => {
  const kiosk = await currentKiosk();
  if (!kiosk) throw new Unauthenticated('This screen is not paired as a kiosk. Ask a manager for a pairing code.');
  const { userId } = await verifyKioskPin(getDb(), kiosk.device, await readJson(req, 1024));
  const actor = await loadActor(getDb(), userId);
  return NextResponse.json({ firstName: actor?.name.split(' ')[0] ?? 'there', token: signColleagueToken(userId, kiosk.device.id) });
});
