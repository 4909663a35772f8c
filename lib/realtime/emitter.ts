// Pushes events to browsers from any process (route handlers, workers, CLI) through
// PostgreSQL NOTIFY: every web process's @socket.io/postgres-adapter relays them to
// its sockets, so nothing here needs the web process to be up.
//
// Why not @socket.io/postgres-emitter: its 0.1.x messages carry no top-level `nsp`,
// and the adapter's ClusterAdapter (0.4+) drops such messages as "from another
// namespace". This module speaks the adapter's current protocol on the same channel.
import { encode } from '@msgpack/msgpack';
import pg from 'pg';
import { requireEnv } from '@/lib/env';
import { toKioskAlert } from './kiosk-payload';
import { kioskRoom, type RealtimeEvent, type RealtimePayload, roomsForStoreEvent } from './rooms';

const CHANNEL = 'socket.io#/';
/** The uid the adapter recognises as "an emitter, not a cluster node". */
const EMITTER_UID = 'emitter';
const BROADCAST = 3; // socket.io-adapter MessageType.BROADCAST
const EVENT_PACKET = 2; // socket.io-parser PacketType.EVENT
/** NOTIFY payloads must stay under 8000 bytes; bigger ones go through the attachments table. */
const NOTIFY_LIMIT = 7000;

const cache = globalThis as unknown as { __vigilEmitterPool?: pg.Pool };

function pool(): pg.Pool {
  if (!cache.__vigilEmitterPool) {
    cache.__vigilEmitterPool = new pg.Pool({ connectionString: requireEnv('DATABASE_URL'), max: 2 });
    cache.__vigilEmitterPool.on('error', (e) => console.error('[realtime] emitter pool error:', e.message));
  }
  return cache.__vigilEmitterPool;
}

export async function emitToRooms(rooms: string[], event: string, payload: unknown): Promise<void> {
  const message = {
    uid: EMITTER_UID,
    nsp: '/',
    type: BROADCAST,
    data: { packet: { type: EVENT_PACKET, data: [event, payload], nsp: '/' }, opts: { rooms, except: [], flags: {} } },
  };
  const json = JSON.stringify(message);
  if (Buffer.byteLength(json) <= NOTIFY_LIMIT) {
    await pool().query('select pg_notify($1, $2)', [CHANNEL, json]);
    return;
  }
  const { rows } = await pool().query<{ id: string }>(
    'insert into socket_io_attachments (payload) values ($1) returning id',
    [Buffer.from(encode(message))],
  );
  await pool().query('select pg_notify($1, $2)', [
    CHANNEL,
    JSON.stringify({ uid: EMITTER_UID, type: BROADCAST, attachmentId: rows[0]!.id }),
  ]);
}

export type StoreTarget = { storeId: string; regionId: string };

/**
 * Sends to everyone allowed to read this kind of data at the store: its room, its
 * region's room and chain-wide holders (lib/realtime/rooms.ts). Delivery is best effort; the row is already saved, and
 * consoles catch up with `alerts:since`, so a failed push is logged, not thrown.
 */
export function emitToStore(target: StoreTarget, event: RealtimeEvent, payload: RealtimePayload): void {
  const failed = (e: Error) => console.error(`[realtime] could not emit ${event}:`, e.message);
  emitToRooms(roomsForStoreEvent(event, target), event, payload).catch(failed);
  if (event.startsWith('alert:')) emitToRooms([kioskRoom(target.storeId)], event, toKioskAlert(payload)).catch(failed);
}

export async function closeEmitter(): Promise<void> {
  await cache.__vigilEmitterPool?.end();
  cache.__vigilEmitterPool = undefined;
}
