// MQTT transport: Frigate's `frigate/events` and `vigil/<store>/<deviceRef>/<kind>`.
// A QoS 1 message is acknowledged (PUBACK) only after its event is stored, so a crash
// before the insert means redelivery, not loss; redeliveries are deduped. MQTT 3.1.1,
// because that is what Frigate, most sensors and the embedded aedes broker speak.
import mqtt, { type MqttClient } from 'mqtt';
import type { DbOrTx } from '@/db/client';
import { findDeviceByRef } from '@/lib/devices/find-device';
import { env } from '@/lib/env';
import { adaptFrigateEvent, frigateCameraName } from './adapters/frigate';
import { adaptSensorMessage, parseSensorTopic } from './adapters/sensor-mqtt';
import { contextFor, ingestEvents, type IngestResult } from './ingest-events';

export const MQTT_TOPICS = ['frigate/events', 'vigil/+/+/+'];

export type MqttOutcome = { topic: string; result?: IngestResult; skipped?: string };

/** Handles one message; never throws (a bad message is logged and dropped, not retried forever). */
export async function handleMqttMessage(db: DbOrTx, topic: string, payload: Buffer): Promise<MqttOutcome> {
  try {
    if (topic === 'frigate/events') {
      let message: unknown;
      try {
        message = JSON.parse(payload.toString('utf8'));
      } catch {
        return { topic, skipped: 'not JSON' };
      }
      const camera = frigateCameraName(message);
      if (!camera) return { topic, skipped: 'no camera name' };
      const device = await findDeviceByRef(db, camera, { vendor: 'frigate' });
      if (!device) return { topic, skipped: `no Frigate device registered for camera "${camera}"` };
      const adapted = adaptFrigateEvent(message, contextFor(device), { subLabels: env.VIGIL_FRIGATE_SUB_LABELS });
      if (!adapted.ok) return { topic, skipped: adapted.error };
      return { topic, result: await ingestEvents(db, device, adapted, { updateInPlace: true }) };
    }
    const parsed = parseSensorTopic(topic);
    if (!parsed) return { topic, skipped: 'unknown topic' };
    const device = await findDeviceByRef(db, parsed.deviceRef, { storeCode: parsed.storeCode });
    if (!device) return { topic, skipped: `no device "${parsed.deviceRef}" at store ${parsed.storeCode}` };
    const adapted = adaptSensorMessage(topic, payload, contextFor(device));
    if (!adapted.ok) return { topic, skipped: adapted.error };
    return { topic, result: await ingestEvents(db, device, adapted) };
  } catch (e) {
    return { topic, skipped: `failed: ${(e as Error).message}` };
  }
}

export function connectMqttIngest(
  db: DbOrTx,
  url: string,
  onOutcome: (o: MqttOutcome) => void = () => {},
  clientId = `vigil-ingest-${process.pid}`,
): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(url, {
      protocolVersion: 4,
      clientId,
      clean: false, // a persistent session: messages published while we were down are delivered on return
      reconnectPeriod: 2000,
    });
    // mqtt.js sends the PUBACK when this callback is called, one message at a time.
    client.handleMessage = (packet, callback) => {
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      void handleMqttMessage(db, packet.topic, payload).then((outcome) => {
        onOutcome(outcome);
        callback();
      });
    };
    client.once('connect', () => {
      client.subscribe(MQTT_TOPICS, { qos: 1 }, (err) => (err ? reject(err) : resolve(client)));
    });
    client.once('error', reject);
  });
}
