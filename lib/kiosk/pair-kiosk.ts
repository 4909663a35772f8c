import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { devices, kioskEnrolments, stores } from '@/db/schema';
import { sha256Hex } from '@/lib/auth/crypto';
import { recordAudit } from '@/lib/audit/record-audit';
import { Invalid, parseInput, TooManyRequests } from '@/lib/errors';
import { consume, release } from '@/lib/http/db-rate-limit';
import { normaliseEnrolmentCode } from './create-enrolment-code';

export const pairKioskInput = z.object({
  store: z.string().trim().min(1),
  code: z.string().trim().min(4).max(20),
});

// Codes are 8 characters of 31, so guessing is hopeless at this rate; the limit (per
// client address, in the database so it holds across web processes) keeps it that way.
export const PAIR_ATTEMPTS_PER_ADDRESS = 10;
export const PAIR_WINDOW_SECONDS = 10 * 60;

/**
 * Exchanges a one-time code for a kiosk device credential bound to the code's store.
 * The code is consumed by a conditional UPDATE, so two kiosks racing with one code
 * can't both pair.
 */
export async function pairKiosk(
  db: DbOrTx,
  raw: unknown,
  ip: string | null,
): Promise<{ deviceId: string; deviceKey: string; store: string }> {
  const input = parseInput(pairKioskInput, raw);
  const limitKey = `kiosk-pair:ip:${ip ?? 'unknown'}`;
  const slot = await consume(db, limitKey, PAIR_ATTEMPTS_PER_ADDRESS, PAIR_WINDOW_SECONDS);
  if (!slot.allowed)
    throw new TooManyRequests(
      `Too many pairing attempts. Wait ${slot.retryAfterSeconds} seconds.`,
      slot.retryAfterSeconds,
    );
  const codeHash = sha256Hex(normaliseEnrolmentCode(input.code));
  const deviceKey = `vgk_${randomBytes(24).toString('base64url')}`;
  const result = await db.transaction(async (tx) => {
    const [enrolment] = await tx
      .update(kioskEnrolments)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(kioskEnrolments.codeHash, codeHash),
          isNull(kioskEnrolments.usedAt),
          gt(kioskEnrolments.expiresAt, new Date()),
        ),
      )
      .returning({ id: kioskEnrolments.id, storeId: kioskEnrolments.storeId });
    if (!enrolment) return null;
    const [store] = await tx.select({ code: stores.code }).from(stores).where(eq(stores.id, enrolment.storeId));
    // Throwing rolls the UPDATE back, so a code typed into the wrong store's kiosk still works at the right one.
    if (store?.code !== input.store.toUpperCase()) {
      throw new Invalid('That code is for a different store. Open the kiosk page of the store the code was made for.', [
        { path: 'code', message: 'Code is for another store' },
      ]);
    }
    const [device] = await tx
      .insert(devices)
      .values({
        storeId: enrolment.storeId,
        kind: 'kiosk',
        vendor: 'vigil',
        name: `Kiosk ${store.code} ${new Date().toISOString().slice(0, 10)}`,
        apiKeyHash: sha256Hex(deviceKey),
        apiKeyPrefix: deviceKey.slice(0, 8),
      })
      .returning({ id: devices.id });
    await tx.update(kioskEnrolments).set({ deviceId: device!.id }).where(eq(kioskEnrolments.id, enrolment.id));
    await recordAudit(tx, {
      actorId: null,
      actorLabel: `kiosk:${device!.id}`,
      action: 'kiosk.pair',
      entityType: 'device',
      entityId: device!.id,
      detail: { store: store.code },
      ip,
    });
    return { deviceId: device!.id, deviceKey, store: store.code };
  });
  if (!result)
    throw new Invalid('That code is not valid. Codes work once and only for 10 minutes: ask a manager for a new one.', [
      { path: 'code', message: 'Invalid or expired code' },
    ]);
  // Only wrong codes count against the address.
  await release(db, limitKey);
  return result;
}
