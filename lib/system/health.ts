import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { workerHeartbeats } from '@/db/schema';
import pkg from '@/package.json';

export type Health = {
  status: 'ok' | 'unavailable';
  db: 'ok' | 'unreachable';
  workers: 'ok' | 'starting' | 'unknown';
  version: string;
};

/** Workers count as up while their last beat is fresher than this. */
const FRESH_MS = 45_000;

export async function checkHealth(db: DbOrTx): Promise<Health> {
  try {
    await db.execute(sql`select 1`);
  } catch {
    return { status: 'unavailable', db: 'unreachable', workers: 'unknown', version: pkg.version };
  }
  const [beat] = await db.select().from(workerHeartbeats).where(eq(workerHeartbeats.name, 'workers'));
  const fresh = beat && Date.now() - beat.beatAt.getTime() < FRESH_MS;
  return { status: 'ok', db: 'ok', workers: fresh ? 'ok' : 'starting', version: pkg.version };
}
