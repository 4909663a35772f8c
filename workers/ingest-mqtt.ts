// MQTT ingest worker: subscribes to cameras and sensors on MQTT_URL, or on an
// embedded broker when none is configured.
import type { MqttClient } from 'mqtt';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { startEmbeddedBroker } from '@/lib/ingest/mqtt-broker';
import { connectMqttIngest } from '@/lib/ingest/mqtt-ingest';

export async function startMqttIngest(): Promise<() => Promise<void>> {
  let broker: Awaited<ReturnType<typeof startEmbeddedBroker>> | null = null;
  if (!env.MQTT_URL) {
    try {
      broker = await startEmbeddedBroker(env.VIGIL_MQTT_PORT);
    } catch (e) {
      // The other workers keep running; only MQTT ingest is off until this is fixed.
      console.error(
        `[mqtt] could not start the embedded broker on port ${env.VIGIL_MQTT_PORT} (${(e as Error).message}). ` +
          'Set VIGIL_MQTT_PORT to a free port, or MQTT_URL to your broker. MQTT ingest is off.',
      );
      return async () => {};
    }
  }
  const url = env.MQTT_URL ?? broker?.url ?? '';
  const client: MqttClient = await connectMqttIngest(getDb(), url, (o) => {
    if (o.skipped) console.warn(`[mqtt] ${o.topic}: ${o.skipped}`);
  });
  console.log(`[mqtt] ingesting from ${broker ? `the embedded broker on ${url}` : url}`);
  return async () => {
    await client.endAsync();
    await broker?.close();
  };
}
