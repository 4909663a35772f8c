// Worker process: durable background jobs on pg-boss. Started by `npm start`
// beside the web server; safe to run several (pg-boss uses SKIP LOCKED).
import '@/lib/runtime/local-env';
import { startBoss } from './boss';
import { startAnomalyScoring } from './anomaly';
import { startEscalation } from './escalation';
import { startMqttIngest } from './ingest-mqtt';
import { startHeartbeat } from './heartbeat';
import { startPartitionMaintenance } from './partitions';
import { startInsightRollups } from './insight-rollups';
import { startAuditAnchor } from './audit-anchor';

async function main() {
  const boss = await startBoss();
  const stopHeartbeat = await startHeartbeat(boss);
  await startPartitionMaintenance(boss);
  await startEscalation(boss);
  await startAnomalyScoring(boss);
  await startInsightRollups(boss);
  await startAuditAnchor(boss);
  const stopMqtt = await startMqttIngest();
  console.log(
    '[workers] running: heartbeat, partitions, escalation, anomaly scoring, insight rollups, audit anchors, MQTT ingest',
  );

  const shutdown = async () => {
    stopHeartbeat();
    await stopMqtt().catch(() => {});
    await boss.stop({ graceful: true, timeout: 5000 }).catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

main().catch((e) => {
  console.error('[workers] failed to start:', e);
  process.exit(1);
});
