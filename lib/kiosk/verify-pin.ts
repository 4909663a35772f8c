import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { DUMMY_HASH, verifySecret } from '@/lib/auth/password';
import { recordAudit } from '@/lib/audit/record-audit';
import type { AuthenticatedDevice } from '@/lib/devices/authenticate-device';
import { Invalid, TooManyRequests, parseInput } from '@/lib/errors';
import { consumeOrThrow } from '@/lib/http/db-rate-limit';

export const PIN_MAX_ATTEMPTS = 5;
export const PIN_LOCK_MINUTES = 15;

export const verifyPinInput = z.object({
  staffNumber: z
    .string()
    .trim()
    .regex(/^\d{4,12}$/, 'Staff numbers are 4 to 12 digits'),
  pin: z.string().regex(/^\d{4,8}$/, 'PINs are 4 to 8 digits'),
});

// Per kiosk, on top of the per-person lockout: slows guessing across many staff numbers.
// Counted in the database so the limit holds however many web processes serve the kiosk.
export const PIN_ATTEMPTS_PER_KIOSK = 10;
export const PIN_KIOSK_WINDOW_SECONDS = 60;

const WRONG = 'That staff number and PIN do not match. Check them and try again.';

// Unknown staff numbers count down and lock exactly like real ones, so the answers can't
// tell a guesser which staff numbers exist. Kept in memory: there is no row to count on.
const phantomTries = new Map<string, { attempts: number; lockedUntil: number }>();

type PhantomOutcome =
  { kind: 'locked'; lockedUntil: number } | { kind: 'just_locked' } | { kind: 'wrong'; left: number };

function phantomFailure(key: string): PhantomOutcome {
  const now = Date.now();
  if (phantomTries.size > 10_000)
    for (const [k, v] of phantomTries) if (v.lockedUntil < now && v.attempts === 0) phantomTries.delete(k);
  const entry = phantomTries.get(key) ?? { attempts: 0, lockedUntil: 0 };
  if (entry.lockedUntil > now) return { kind: 'locked', lockedUntil: entry.lockedUntil };
  entry.attempts += 1;
  phantomTries.set(key, entry);
  if (entry.attempts < PIN_MAX_ATTEMPTS) return { kind: 'wrong', left: PIN_MAX_ATTEMPTS - entry.attempts };
  entry.attempts = 0;
  entry.lockedUntil = now + PIN_LOCK_MINUTES * 60_000;
  return { kind: 'just_locked' };
}

const lockedMessage = (lockedUntil: number) => {
  const minutes = Math.ceil((lockedUntil - Date.now()) / 60_000);
  return `This PIN is locked after ${PIN_MAX_ATTEMPTS} wrong tries. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask a manager.`;
};
const lockedNowMessage = `That was the ${PIN_MAX_ATTEMPTS}th wrong PIN. This PIN is locked for ${PIN_LOCK_MINUTES} minutes; ask a manager if you need to report now.`;
const triesLeft = (left: number) => `${WRONG} ${left} ${left === 1 ? 'try' : 'tries'} left before the PIN locks.`;

/**
 * Identifies a colleague at a kiosk by staff number + PIN. Five wrong PINs lock that
 * person's PIN for 15 minutes; every outcome is audited. An unknown staff number gets
 * the same answer as a wrong PIN so the kiosk can't be used to find staff numbers.
 */
export async function verifyKioskPin(
  db: DbOrTx,
  device: AuthenticatedDevice,
  raw: unknown,
): Promise<{ userId: string }> {
  await consumeOrThrow(
    db,
    `kiosk-pin:${device.id}`,
    PIN_ATTEMPTS_PER_KIOSK,
    PIN_KIOSK_WINDOW_SECONDS,
    (wait) => `Too many PIN attempts on this kiosk. Wait ${wait} seconds.`,
  );
  const input = parseInput(verifyPinInput, raw);
  const audit = (action: string, userId: string | null, detail: Record<string, unknown> = {}) =>
    recordAudit(db, {
      actorId: userId,
      actorLabel: `kiosk:${device.id}`,
      action,
      entityType: 'user',
      entityId: userId ?? undefined,
      detail: { store: device.storeCode, ...detail },
    });

  const [user] = await db
    .select({ id: users.id, pinHash: users.pinHash, lockedUntil: users.pinLockedUntil })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(users.staffNumber, input.staffNumber),
        eq(users.status, 'active'),
        eq(memberships.storeId, device.storeId),
      ),
    );
  if (!user || !user.pinHash) {
    await verifySecret(DUMMY_HASH, input.pin); // same time as a real check
    const phantom = phantomFailure(`${device.storeId}|${input.staffNumber}`);
    await audit('kiosk.pin.failed', null, { reason: 'unknown staff number' });
    if (phantom.kind === 'locked')
      throw new TooManyRequests(
        lockedMessage(phantom.lockedUntil),
        Math.ceil((phantom.lockedUntil - Date.now()) / 1000),
      );
    if (phantom.kind === 'just_locked') throw new TooManyRequests(lockedNowMessage, PIN_LOCK_MINUTES * 60);
    throw new Invalid(triesLeft(phantom.left), [{ path: 'pin', message: 'Does not match' }]);
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await audit('kiosk.pin.refused_locked', user.id);
    throw new TooManyRequests(
      lockedMessage(user.lockedUntil.getTime()),
      Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000),
    );
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
    if (locked) throw new TooManyRequests(lockedNowMessage, PIN_LOCK_MINUTES * 60);
    throw new Invalid(triesLeft(PIN_MAX_ATTEMPTS - (after?.attempts ?? 0)), [
      { path: 'pin', message: 'Does not match' },
    ]);
  }
  await db.update(users).set({ pinFailedAttempts: 0, pinLockedUntil: null }).where(eq(users.id, user.id));
  await audit('kiosk.pin.ok', user.id);
  return { userId: user.id };
}
