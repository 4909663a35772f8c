// Throwaway people for tests that change a person's own state (PIN lockout, push
// subscriptions), so the shared demo accounts stay as seeded whatever order tests run in.
import { randomInt, randomUUID } from 'node:crypto';
import { memberships, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { hashSecret } from '@/lib/auth/password';
import type { Role } from '@/lib/domain/enums';
import { db, storeByCode } from './fixtures';

export type FreshPerson = { actor: Actor; staffNumber: string; pin: string };

/** A new active user with one store-scoped role, a unique staff number and a kiosk PIN. */
export async function freshPerson(store: string, opts: { role?: Role; pin?: string } = {}): Promise<FreshPerson> {
  const { id: storeId } = await storeByCode(store);
  const pin = opts.pin ?? '1357';
  // 9 digits starting with 9: never one of the demo staff numbers (1000xx).
  const staffNumber = `9${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  const [user] = await db()
    .insert(users)
    .values({ email: `test-${randomUUID()}@test.vigil`, name: 'Terry Test', staffNumber, pinHash: await hashSecret(pin) })
    .returning({ id: users.id });
  await db().insert(memberships).values({ userId: user!.id, role: opts.role ?? 'colleague', scopeType: 'store', storeId });
  const actor = await loadActor(db(), user!.id);
  if (!actor) throw new Error('fresh person did not load');
  return { actor, staffNumber, pin };
}
