// One HTTP server: Next's request handler plus socket.io on the same origin and
// default path. The postgres adapter keeps rooms coherent across many web processes.
import '@/lib/runtime/local-env';
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import next from 'next';
import pg from 'pg';
import { Server } from 'socket.io';
import { getDb } from '@/db/client';
import { listAlertsSince } from '@/lib/alerts/list-alerts';
import { loadActor } from '@/lib/auth/actor';
import { userIdFromCookieHeader } from '@/lib/auth/session-token';
import { env, requireEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { setClientHeaders } from '@/lib/http/client-address';
import { kioskRoom, roomsFor } from '@/lib/realtime/rooms';
import { authenticateKiosk } from '@/lib/kiosk/authenticate-kiosk';
import { KIOSK_DEVICE_COOKIE } from '@/lib/kiosk/kiosk-credentials';

const dev = env.NODE_ENV !== 'production';

async function main() {
  const app = next({ dev, dir: process.cwd(), port: env.PORT, hostname: env.HOSTNAME ?? 'localhost' });
  const handle = app.getRequestHandler();
  await app.prepare();

  const httpServer = createServer((req, res) => {
    // Before Next: the client address and scheme, believing forwarded headers only from trusted proxies.
    setClientHeaders(req, env.VIGIL_TRUSTED_PROXIES);
    void handle(req, res);
  });
  const adapterPool = new pg.Pool({ connectionString: requireEnv('DATABASE_URL'), max: 3 });
  adapterPool.on('error', (e: Error & { code?: string }) => {
    // 57P01: the database is shutting down (Ctrl-C stops it alongside us).
    if (e.code !== '57P01') console.error('[socket.io] adapter pool error:', e.message);
  });
  const io = new Server(httpServer, { adapter: createAdapter(adapterPool), serveClient: false });

  io.use(async (socket, nextFn) => {
    try {
      const userId = await userIdFromCookieHeader(socket.handshake.headers.cookie);
      const actor = userId ? await loadActor(getDb(), userId) : null;
      if (!actor) {
        // A paired kiosk: its store's alerts, stripped to non-personal fields (lib/realtime/kiosk-payload.ts).
        const kioskKey = kioskKeyFromCookieHeader(socket.handshake.headers.cookie);
        const kiosk = kioskKey ? await authenticateKiosk(getDb(), kioskKey, undefined).catch(() => null) : null;
        if (!kiosk) return nextFn(new Error('unauthenticated'));
        socket.data.kioskDeviceId = kiosk.device.id;
        await socket.join(kioskRoom(kiosk.device.storeId));
        return nextFn();
      }
      socket.data.actorId = actor.id;
      await socket.join(roomsFor(actor));
      nextFn();
    } catch (e) {
      console.error('[socket.io] handshake failed:', e);
      nextFn(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    socket.on('alerts:since', async (input: unknown, ack?: (r: unknown) => void) => {
      if (typeof ack !== 'function') return;
      try {
        // Scope is re-read so a membership removed since the handshake is honoured.
        if (!socket.data.actorId) return ack({ ok: false, error: 'forbidden', message: 'Kiosks reload their alert banner instead.' });
        const actor = await loadActor(getDb(), String(socket.data.actorId));
        if (!actor) return ack({ ok: false, error: 'unauthenticated' });
        ack({ ok: true, alerts: await listAlertsSince(getDb(), actor, input) });
      } catch (e) {
        if (e instanceof AppError) return ack({ ok: false, error: e.code, message: e.message });
        console.error('[socket.io] alerts:since failed:', e);
        ack({ ok: false, error: 'internal' });
      }
    });
  });

  httpServer.listen(env.PORT, env.HOSTNAME, () => {
    console.log(`[web] Vigil is listening on http://localhost:${env.PORT} (${dev ? 'development' : 'production'})`);
  });

  const shutdown = () => {
    void io.close();
    httpServer.close(() => void adapterPool.end().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

function kioskKeyFromCookieHeader(header: string | undefined): string | null {
  const match = new RegExp(`(?:^|;\\s*)${KIOSK_DEVICE_COOKIE}=([^;]+)`).exec(header ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

main().catch((e) => {
  console.error('[web] failed to start:', e);
  process.exit(1);
});
