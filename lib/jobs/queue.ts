// A send-only pg-boss handle for web processes and the CLI; workers run their own.
import PgBoss from 'pg-boss';
import { requireEnv } from '@/lib/env';

export const ESCALATE_ALERT_QUEUE = 'escalate-alert';

const cache = globalThis as unknown as { __vigilBoss?: Promise<PgBoss> };

export function getQueue(): Promise<PgBoss> {
  cache.__vigilBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: requireEnv('DATABASE_URL'), schema: 'pgboss', max: 2, supervise: false, schedule: false });
    boss.on('error', (e) => console.error('[jobs] pg-boss error:', e.message));
    await boss.start();
    await boss.createQueue(ESCALATE_ALERT_QUEUE);
    return boss;
  })();
  return cache.__vigilBoss;
}

export async function closeQueue(): Promise<void> {
  const boss = await cache.__vigilBoss;
  cache.__vigilBoss = undefined;
  await boss?.stop({ graceful: false });
}
