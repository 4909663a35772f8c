// Shared pg-boss bootstrap for worker entry points.
import PgBoss from 'pg-boss';
import { requireEnv } from '@/lib/env';

export async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: requireEnv('DATABASE_URL'), schema: 'pgboss', max: 4 });
  boss.on('error', (e) => console.error('[workers] pg-boss error:', e.message));
  await boss.start();
  return boss;
}
