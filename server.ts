// One HTTP server: Next's request handler plus socket.io on the same origin and
// default path. The postgres adapter keeps rooms coherent across many web processes.
import '@/lib/runtime/local-env';
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import next from 'next';
import pg from 'pg';
import { Server } from 'socket.io';
import { getDb } from '@/db/client';
import { env, requireEnv } from '@/lib/env';
import { setClientHeaders } from '@/lib/http/client-address';
import { attachSocketServer, originAllowed } from '@/lib/realtime/socket-server';

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
  const io = new Server(httpServer, {
    adapter: createAdapter(adapterPool),
    serveClient: false,
    allowRequest: (req, callback) => callback(null, originAllowed(req)),
  });

  const sockets = attachSocketServer(io, getDb);

  httpServer.listen(env.PORT, env.HOSTNAME, () => {
    console.log(`[web] Vigil is listening on http://localhost:${env.PORT} (${dev ? 'development' : 'production'})`);
  });

  const shutdown = () => {
    sockets.stop();
    void io.close();
    httpServer.close(() => void adapterPool.end().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((e) => {
  console.error('[web] failed to start:', e);
  process.exit(1);
});
