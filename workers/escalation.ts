// Escalates alerts that nobody acknowledged within their rule's delay.
import type PgBoss from 'pg-boss';
import { getDb } from '@/db/client';
import { escalateAlert } from '@/lib/alerts/escalate-alert';
import { ESCALATE_ALERT_QUEUE } from '@/lib/jobs/queue';

export async function startEscalation(boss: PgBoss): Promise<void> {
  await boss.createQueue(ESCALATE_ALERT_QUEUE);
  await boss.work<{ alertId: string }>(ESCALATE_ALERT_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 10 }, async (jobs) => {
    for (const job of jobs) await escalateAlert(getDb(), job.data.alertId);
  });
}
