// Proves the job pipeline end to end: a job is queued every few seconds and its
// handler records the beat that /api/health reads.
import os from 'node:os';
import type PgBoss from 'pg-boss';
import { getDb } from '@/db/client';
import { workerHeartbeats } from '@/db/schema';

export const HEARTBEAT_QUEUE = 'heartbeat';
export const HEARTBEAT_EVERY_MS = 10_000;

export async function startHeartbeat(boss: PgBoss): Promise<() => void> {
  await boss.createQueue(HEARTBEAT_QUEUE);
  await boss.work(HEARTBEAT_QUEUE, { pollingIntervalSeconds: 0.5 }, async () => {
    const beat = { beatAt: new Date(), pid: process.pid, host: os.hostname() };
    await getDb()
      .insert(workerHeartbeats)
      .values({ name: 'workers', ...beat })
      .onConflictDoUpdate({ target: workerHeartbeats.name, set: beat });
  });
  const send = () => void boss.send(HEARTBEAT_QUEUE, {}, { expireInSeconds: 60, retryLimit: 0 }).catch(() => {});
  send();
  const timer = setInterval(send, HEARTBEAT_EVERY_MS);
  return () => clearInterval(timer);
}
