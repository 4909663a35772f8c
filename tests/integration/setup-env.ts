// Runs before each integration file's imports, so lib/env sees the test database.
import '@/lib/runtime/local-env';
// What Next's server does first: route handlers called from tests (tests/support/route-request.ts)
// need the real AsyncLocalStorage behind headers() and cookies().
import 'next/dist/server/node-environment-baseline';
import { afterAll, inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.VIGIL_DEMO_PASSWORD = 'vigil-demo';

// Pools opened lazily by the code under test are closed after each file.
afterAll(async () => {
  const { closeEmitter } = await import('@/lib/realtime/emitter');
  const { closeQueue } = await import('@/lib/jobs/queue');
  await Promise.all([closeEmitter(), closeQueue()]);
});
