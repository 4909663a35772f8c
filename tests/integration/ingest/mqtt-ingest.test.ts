// MQTT ingest against real brokers: the machine's Mosquitto (127.0.0.1:1883) and
// the embedded aedes broker that `npm start` runs when MQTT_URL is unset.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, securityEvents } from '@/db/schema';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { createDevice } from '@/lib/devices/create-device';
import { startEmbeddedBroker } from '@/lib/ingest/mqtt-broker';
import { connectMqttIngest, type MqttOutcome } from '@/lib/ingest/mqtt-ingest';
import { db, storeByCode } from '../../support/fixtures';

const brokers: { name: string; url: () => string }[] = [];
let embedded: Awaited<ReturnType<typeof startEmbeddedBroker>>;

beforeAll(async () => {
  embedded = await startEmbeddedBroker(18840 + Math.floor(Math.random() * 100));
});
afterAll(async () => {
  await embedded.close();
});
brokers.push({ name: 'Mosquitto on 127.0.0.1:1883', url: () => 'mqtt://127.0.0.1:1883' });
brokers.push({ name: 'embedded aedes broker', url: () => embedded.url });

const frigate = (type: string, id: string, camera: string, after: Record<string, unknown>) =>
  JSON.stringify({ type, before: { id, camera, label: 'person' }, after: { id, camera, label: 'person', start_time: 1_790_000_000.25, ...after } });

describe.each(brokers)('MQTT ingest via $name', ({ url }) => {
  it('stores one event per Frigate id, updated in place, and turns a panic sensor message into an alert', async () => {
    const suffix = randomUUID().slice(0, 8);
    const camera = `cam_${suffix}`;
    await createDevice(db(), CLI_OPERATOR, { store: 'GLA01', kind: 'camera', vendor: 'frigate', ref: camera });
    const sensorRef = `panic_${suffix}`;
    await createDevice(db(), CLI_OPERATOR, { store: 'GLA01', kind: 'sensor', vendor: 'generic', ref: sensorRef });

    const outcomes: MqttOutcome[] = [];
    const ingest = await connectMqttIngest(db(), url(), (o) => outcomes.push(o), `vigil-test-${suffix}`);
    const publisher = await mqtt.connectAsync(url(), { clientId: `pub-${suffix}` });
    try {
      const frigateId = `1790000000.25-${suffix}`;
      await publisher.publishAsync('frigate/events', frigate('new', frigateId, camera, { score: 0.7, current_zones: [] }), { qos: 1 });
      await publisher.publishAsync('frigate/events', frigate('update', frigateId, camera, { score: 0.8, top_score: 0.92, current_zones: ['self_checkout'] }), { qos: 1 });
      await publisher.publishAsync('frigate/events', frigate('end', frigateId, camera, { top_score: 0.93, end_time: 1_790_000_012.5, current_zones: ['self_checkout'] }), { qos: 1 });
      const panicId = randomUUID();
      const panic = JSON.stringify({ id: panicId, occurredAt: new Date().toISOString(), zone: 'tills' });
      await publisher.publishAsync(`vigil/GLA01/${sensorRef}/panic`, panic, { qos: 1 });
      await publisher.publishAsync(`vigil/GLA01/${sensorRef}/panic`, panic, { qos: 1 }); // a redelivery
      await expect.poll(() => outcomes.length, { timeout: 5000 }).toBe(5);
      expect(outcomes.filter((o) => o.skipped)).toEqual([]);

      const frigateRows = await db().select().from(securityEvents).where(eq(securityEvents.vendorEventId, frigateId));
      expect(frigateRows).toHaveLength(1);
      expect(frigateRows[0]).toMatchObject({ type: 'person_detected', zoneLabel: 'self_checkout' });
      expect(frigateRows[0]!.confidence).toBeCloseTo(0.93, 2);
      expect(frigateRows[0]!.zoneId).not.toBeNull();

      const panicRows = await db().select().from(securityEvents).where(eq(securityEvents.vendorEventId, panicId));
      expect(panicRows).toHaveLength(1);
      const store = await storeByCode('GLA01');
      const raised = await db().select().from(alerts).where(and(eq(alerts.storeId, store.id), eq(alerts.source, 'panic')));
      expect(raised.filter((a) => a.triggeringEventIds.includes(panicRows[0]!.id))).toHaveLength(1);
    } finally {
      await publisher.endAsync();
      await ingest.endAsync();
    }
  });

  it('skips messages it cannot attribute, without crashing', async () => {
    const suffix = randomUUID().slice(0, 8);
    const outcomes: MqttOutcome[] = [];
    const ingest = await connectMqttIngest(db(), url(), (o) => outcomes.push(o), `vigil-test-${suffix}`);
    const publisher = await mqtt.connectAsync(url(), { clientId: `pub-${suffix}` });
    try {
      await publisher.publishAsync('frigate/events', 'not json', { qos: 1 });
      await publisher.publishAsync('frigate/events', frigate('new', 'x', `unknown_${suffix}`, {}), { qos: 1 });
      await publisher.publishAsync(`vigil/GLA01/nobody_${suffix}/panic`, '{}', { qos: 1 });
      await expect.poll(() => outcomes.length, { timeout: 5000 }).toBe(3);
      expect(outcomes.every((o) => o.skipped)).toBe(true);
    } finally {
      await publisher.endAsync();
      await ingest.endAsync();
    }
  });
});
