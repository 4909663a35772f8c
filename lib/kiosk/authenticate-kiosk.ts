import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { type AuthenticatedDevice, authenticateDevice } from '@/lib/devices/authenticate-device';
import { Unauthenticated } from '@/lib/errors';
import { verifyColleagueToken } from './kiosk-credentials';

export type KioskSession = { device: AuthenticatedDevice; colleague: Actor | null };

/**
 * Resolves a kiosk's cookies: the device must be an active kiosk (a revoked one is
 * refused at its next request), and the colleague token, when present, must name an
 * active user who still belongs to that store.
 */
export async function authenticateKiosk(
  db: DbOrTx,
  deviceKey: string | undefined,
  colleagueToken: string | undefined,
): Promise<KioskSession> {
  if (!deviceKey) throw new Unauthenticated('This screen is not paired as a kiosk. Ask a manager for a pairing code.');
  let device: AuthenticatedDevice;
  try {
    device = await authenticateDevice(db, `Bearer ${deviceKey}`, 'kiosk');
  } catch {
    throw new Unauthenticated('This kiosk has been switched off or unpaired. Ask a manager to pair it again.');
  }
  const userId = verifyColleagueToken(colleagueToken, device.id);
  if (!userId) return { device, colleague: null };
  const [member] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.status, 'active'), eq(memberships.storeId, device.storeId)));
  const colleague = member ? await loadActor(db, userId) : null;
  return { device, colleague };
}
