// Run as its own process (like a worker): emits one event to a store's rooms through
// PostgreSQL, with no web process involved. Usage: emit-from-worker.ts <storeCode> <event> <id>
import '@/lib/runtime/local-env';
import { eq } from 'drizzle-orm';
import { getDb, getSql } from '@/db/client';
import { stores } from '@/db/schema';
import { closeEmitter, emitToRooms } from '@/lib/realtime/emitter';
import { type RealtimeEvent, roomsForStoreEvent } from '@/lib/realtime/rooms';

async function main() {
  const [storeCode, event, id] = process.argv.slice(2);
  const [store] = await getDb().select().from(stores).where(eq(stores.code, storeCode!));
  if (!store) throw new Error(`No store ${storeCode}`);
  await emitToRooms(roomsForStoreEvent(event as RealtimeEvent, { storeId: store.id, regionId: store.regionId }), event!, {
    id,
    storeCode,
    severity: 'critical',
    status: 'open',
    createdAt: new Date().toISOString(),
  });
  await closeEmitter();
  await getSql().end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
