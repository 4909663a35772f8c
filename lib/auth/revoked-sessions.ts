// Signed-out sessions. Sessions are JWTs (nothing stored per session), so signing out
// records the token's `sid` here until the token would have expired anyway; every
// check of a session (pages, routes, socket handshakes) refuses a recorded sid.
import { eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { revokedSessions } from '@/db/schema';

/** The longest a session lives (Auth.js maxAge in auth.ts). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export async function revokeSession(
  db: DbOrTx,
  sid: string,
  userId: string | null,
  expiresAt = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
): Promise<void> {
  await db.insert(revokedSessions).values({ sid, userId, expiresAt }).onConflictDoNothing();
}

export async function isSessionRevoked(db: DbOrTx, sid: string): Promise<boolean> {
  const [row] = await db.select({ sid: revokedSessions.sid }).from(revokedSessions).where(eq(revokedSessions.sid, sid));
  return !!row;
}

/** Forgets revocations of tokens that have expired on their own (daily housekeeping job). */
export async function pruneRevokedSessions(db: DbOrTx): Promise<number> {
  const gone = await db
    .delete(revokedSessions)
    .where(lt(revokedSessions.expiresAt, sql`now()`))
    .returning({ sid: revokedSessions.sid });
  return gone.length;
}
