// Scores anomaly rules every 15 minutes (a rate needs a day of data to mean anything).
import type PgBoss from 'pg-boss';
import { getDb } from '@/db/client';
import { evaluateAnomalyRules } from '@/lib/rules/evaluate-anomaly-rules';

const QUEUE = 'evaluate-anomalies';

export async function startAnomalyScoring(boss: PgBoss): Promise<void> {
  await boss.createQueue(QUEUE);
  await boss.work(QUEUE, async () => {
    await evaluateAnomalyRules(getDb());
  });
  await boss.schedule(QUEUE, '*/15 * * * *');
}
