// Who is reporting: a signed-in person (the PWA) or a colleague identified at a paired
// kiosk. Route handlers call this instead of requireActor where a kiosk may act.
import { cookies, headers } from 'next/headers';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getCurrentActor } from '@/lib/auth/current-actor';
import type { AuthenticatedDevice } from '@/lib/devices/authenticate-device';
import { Unauthenticated } from '@/lib/errors';
import { authenticateKiosk, type KioskSession } from './authenticate-kiosk';
import { KIOSK_COLLEAGUE_HEADER, KIOSK_DEVICE_COOKIE } from './kiosk-credentials';

export type Reporter = { actor: Actor; source: 'pwa' | 'kiosk'; device?: AuthenticatedDevice };

/** The kiosk session of this request, or null when the request carries no kiosk cookie. */
export async function currentKiosk(): Promise<KioskSession | null> {
  const jar = await cookies();
  const key = jar.get(KIOSK_DEVICE_COOKIE)?.value;
  if (!key) return null;
  return authenticateKiosk(getDb(), key, (await headers()).get(KIOSK_COLLEAGUE_HEADER) ?? undefined);
}

/** The acting kiosk itself, for what a kiosk may do with nobody identified (the panic button). */
export const kioskActor = (device: AuthenticatedDevice): Actor => ({
  id: device.id,
  email: `kiosk:${device.id}`,
  name: `Kiosk ${device.storeCode}`,
  roles: [],
  memberships: [],
  stores: [],
  globalRoles: [],
  system: true,
});

/**
 * A kiosk with an identified colleague reports as that colleague (source kiosk);
 * otherwise the signed-in user reports from the app. `allowAnonymousKiosk` lets the
 * kiosk act as itself (panic) before anyone has entered a PIN.
 */
export async function requireReporter(opts: { allowAnonymousKiosk?: boolean } = {}): Promise<Reporter> {
  const kiosk = await currentKiosk();
  if (kiosk?.colleague) return { actor: kiosk.colleague, source: 'kiosk', device: kiosk.device };
  const actor = await getCurrentActor();
  if (actor) return { actor, source: 'pwa' };
  if (kiosk && opts.allowAnonymousKiosk) return { actor: kioskActor(kiosk.device), source: 'kiosk', device: kiosk.device };
  if (kiosk) throw new Unauthenticated('Enter your staff number and PIN first. The kiosk forgets you after a minute without a touch.');
  throw new Unauthenticated();
}
