// Pushes events to browsers from any process (route handlers, workers, CLI) through
// PostgreSQL NOTIFY: every web process's postgres adapter relays them to its sockets.
// Nothing here needs the web process to be up.
import { Emitter } from '@socket.io/postgres-emitter';
import pg from 'pg';
import { requireEnv } from '@/lib/env';
import { ALL_ROOM, type RealtimeEvent, type RealtimePayload, regionRoom, storeRoom } from './rooms';

const cache = globalThis as unknown as { __vigilEmitter?: { emitter: Emitter; pool: pg.Pool } };

export function getEmitter(): Emitter {
  if (!cache.__vigilEmitter) {
    const pool = new pg.Pool({ connectionString: requireEnv('DATABASE_URL'), max: 2 });
    cache.__vigilEmitter = { pool, emitter: new Emitter(pool) };
  }
  return cache.__vigilEmitter.emitter;
}

export type StoreTarget = { storeId: string; regionId: string };

/** Sends to everyone allowed to see the store: its room, its region's room, and all-scope holders. */
export function emitToStore(target: StoreTarget, event: RealtimeEvent, payload: RealtimePayload): void {
  getEmitter().to([storeRoom(target.storeId), regionRoom(target.regionId), ALL_ROOM]).emit(event, payload);
}

export async function closeEmitter(): Promise<void> {
  await cache.__vigilEmitter?.pool.end();
  cache.__vigilEmitter = undefined;
}
