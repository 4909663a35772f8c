import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { DUMMY_HASH, verifySecret } from '@/lib/auth/password';
import { recordAudit } from '@/lib/audit/record-audit';
import type { AuthenticatedDevice } from '@/lib/devices/authenticate-device';
import { Invalid, TooManyRequests, parseInput } from '@/lib/errors';
import { RateLimiter } from '@/lib/http/rate-limit';

export const PIN_MAX_ATTEMPTS = 5;
export const PIN_LOCK_MINUTES = 15;

export const verifyPinInput = z.object({
  staffNumber: z.string().trim().regex(/^\d{4,12}$/, 'Staff numbers are 4 to 12 digits'),
  pin: z.string().regex(/^\d{4,8}$/, 'PINs are 4 to 8 digits'),
});

// Per kiosk, on top of the per-person lockout: slows guessing across many staff numbers.
const kioskLimiter = new RateLimiter(0.2, 10);

const WRONG = 'That staff number and PIN do not match. Check them and try again.';

/**
 * Identifies a colleague at a kiosk by staff number + PIN. Five wrong PINs lock that
 * person's PIN for 15 minutes; every outcome is audited. An unknown staff number gets
 * the same answer as a wrong PIN so the kiosk can't be used to find staff numbers.
 */
export async function verifyKioskPin(db: DbOrTx, device: AuthenticatedDevice, raw: unknown): Promise<{ userId: string }> {
  try {
    kioskLimiter.take(device.id);
  } catch (e) {
    if (e instanceof TooManyRequests) throw new TooManyRequests(`Too many PIN attempts on this kiosk. Wait ${e.retryAfterSeconds} seconds.`, e.retryAfterSeconds);
    throw e;
  }
  const input = parseInput(verifyPinInput, raw);
  const audit = (action: string, userId: string | null, detail: Record<string, unknown> = {}) =>
    recordAudit(db, { actorId: userId, actorLabel: `kiosk:${device.id}`, action, entityType: 'user', entityId: userId ?? undefined, detail: { store: device.storeCode, ...detail } });

  const [user] = await db
    .select({ id: users.id, pinHash: users.pinHash, lockedUntil: users.pinLockedUntil })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.staffNumber, input.staffNumber), eq(users.status, 'active'), eq(memberships.storeId, device.storeId)));
  if (!user || !user.pinHash) {
    await verifySecret(DUMMY_HASH, input.pin); // same time as a real check
    await audit('kiosk.pin.failed', null, { reason: 'unknown staff number' });
    throw new Invalid(WRONG, [{ path: 'pin', message: 'Does not match' }]);
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    await audit('kiosk.pin.refused_locked', user.id);
    throw new TooManyRequests(`This PIN is locked after ${PIN_MAX_ATTEMPTS} wrong tries. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask a manager.`, minutes * 60);
  }
  if (!(await verifySecret(user.pinHash, input.pin))) {
    // One statement counts the try and locks on the fifth, so parallel guesses can't slip past the limit.
    const [after] = await db
      .update(users)
      .set({
        pinFailedAttempts: sql`case when ${users.pinFailedAttempts} + 1 >= ${PIN_MAX_ATTEMPTS} then 0 else ${users.pinFailedAttempts} + 1 end`,
        pinLockedUntil: sql`case when ${users.pinFailedAttempts} + 1 >= ${PIN_MAX_ATTEMPTS} then now() + make_interval(mins => ${PIN_LOCK_MINUTES}) else ${users.pinLockedUntil} end`,
      })
      .where(eq(users.id, user.id))
      .returning({ attempts: users.pinFailedAttempts, lockedUntil: users.pinLockedUntil });
    const locked = !!after?.lockedUntil && after.lockedUntil.getTime() > Date.now();
    await audit(locked ? 'kiosk.pin.locked' : 'kiosk.pin.failed', user.id, { reason: 'wrong pin' });
    if (locked) throw new TooManyRequests(`That was the ${PIN_MAX_ATTEMPTS}th wrong PIN. This PIN is locked for ${PIN_LOCK_MINUTES} minutes; ask a manager if you need to report now.`, PIN_LOCK_MINUTES * 60);
    const left = PIN_MAX_ATTEMPTS - (after?.attempts ?? 0);
    throw new Invalid(`${WRONG} ${left} ${left === 1 ? 'try' : 'tries'} left before the PIN locks.`, [{ path: 'pin', message: 'Does not match' }]);
  }
  await db.update(users).set({ pinFailedAttempts: 0, pinLockedUntil: null }).where(eq(users.id, user.id));
  await audit('kiosk.pin.ok', user.id);
  return { userId: user.id };
}
