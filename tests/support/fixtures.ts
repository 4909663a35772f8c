// Helpers for integration tests: the seeded demo actors and stores by name.
import { and, eq, gte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { alerts, stores, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';

export const db = () => getDb();

// When this test file started: the demo seed's alert history is all from earlier days.
const fileStartedAt = new Date();

/** Alerts raised at a store while this test file runs (not the seeded history), oldest first. */
export const alertsRaisedAt = (storeId: string) =>
  db()
    .select()
    .from(alerts)
    .where(and(eq(alerts.storeId, storeId), gte(alerts.createdAt, fileStartedAt)))
    .orderBy(alerts.createdAt);

export async function actorFor(local: string): Promise<Actor> {
  const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, `${local}@demo.vigil`));
  const actor = user && (await loadActor(db(), user.id));
  if (!actor) throw new Error(`No demo user ${local}`);
  return actor;
}

export async function storeByCode(code: string) {
  const [store] = await db().select().from(stores).where(eq(stores.code, code));
  if (!store) throw new Error(`No store ${code}`);
  return store;
}

/** A store outside the demo colleague's region (home is MCR01 in NWY). */
export const OTHER_STORE = 'LON01';
export const HOME_STORE = 'MCR01';
