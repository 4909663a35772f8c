import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { kioskEnrolments, stores } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { sha256Hex } from '@/lib/auth/crypto';
import { assertCan } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { NotFound, parseInput } from '@/lib/errors';

export const ENROLMENT_TTL_MS = 10 * 60_000;
// No 0/O, 1/I/L: the code is read off one screen and typed on another.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const normaliseEnrolmentCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export const createEnrolmentCodeInput = z.object({ store: z.string().trim().min(1).describe('Store code') });

/** A one-time kiosk pairing code for a store, valid for 10 minutes; shown once, stored hashed. */
export async function createEnrolmentCode(db: DbOrTx, actor: Actor, raw: unknown): Promise<{ code: string; expiresAt: Date; store: string }> {
  const input = parseInput(createEnrolmentCodeInput, raw);
  const [store] = await db.select({ id: stores.id, code: stores.code }).from(stores).where(eq(stores.code, input.store));
  if (!store) throw new NotFound(`Store ${input.store}`);
  assertCan(actor, 'device.manage', { storeId: store.id });
  const raw8 = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${raw8.slice(0, 4)}-${raw8.slice(4)}`;
  const expiresAt = new Date(Date.now() + ENROLMENT_TTL_MS);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(kioskEnrolments)
      .values({ codeHash: sha256Hex(normaliseEnrolmentCode(code)), storeId: store.id, createdBy: actor.system ? null : actor.id, expiresAt })
      .returning({ id: kioskEnrolments.id });
    await recordAudit(tx, { ...auditActor(actor), action: 'kiosk.enrolment.create', entityType: 'kiosk_enrolment', entityId: row!.id, detail: { store: store.code } });
  });
  return { code, expiresAt, store: store.code };
}
