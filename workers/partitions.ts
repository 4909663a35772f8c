// Keeps monthly security_event partitions created ahead of time (see migration 0000)
// and drops the ones past the retention policy.
import type PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { expireSecurityEvents } from '@/lib/retention/expire-security-events';

const QUEUE = 'ensure-partitions';

export async function startPartitionMaintenance(boss: PgBoss): Promise<void> {
  await boss.createQueue(QUEUE);
  await boss.work(QUEUE, async () => {
    await getDb().execute(sql`select vigil_ensure_security_event_partitions(3)`);
    await expireSecurityEvents(getDb());
  });
  await boss.schedule(QUEUE, '17 3 * * *'); // daily, off-peak
  await boss.send(QUEUE, {}); // and once at start
}
