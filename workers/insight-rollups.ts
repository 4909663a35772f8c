// Nightly check of the insight rollups (triggers keep them exact; this catches bulk loads that
// bypassed the triggers) and a rebuild if they drifted.
import type PgBoss from 'pg-boss';
import { getDb } from '@/db/client';
import { reconcileInsightRollups } from '@/lib/analytics/reconcile-rollups';

const QUEUE = 'reconcile-insight-rollups';

export async function startInsightRollups(boss: PgBoss): Promise<void> {
  await boss.createQueue(QUEUE);
  await boss.work(QUEUE, async () => {
    const { drifted } = await reconcileInsightRollups(getDb());
    if (drifted > 0) console.warn(`[workers] insight rollups had drifted for ${drifted} store(s); rebuilt`);
  });
  await boss.schedule(QUEUE, '30 3 * * *');
}
