// Shared pg-boss bootstrap for worker entry points.
import PgBoss from 'pg-boss';
import { requireEnv } from '@/lib/env';

export async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: requireEnv('DATABASE_URL'), schema: 'pgboss', max: 4 });
  // 57P01: the database is shutting down (Ctrl-C stops it alongside us).
  boss.on('error', (e: Error & { code?: string }) => {
    if (e.code !== '57P01') console.error('[workers] pg-boss error:', e.message);
  });
  await boss.start();
  return boss;
}
