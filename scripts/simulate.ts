// `npm run vigil -- simulate`: drives a running Vigil with mixed store traffic through
// its real interfaces, with bursts that should trigger each demo rule.
import mqtt from 'mqtt';
import type { Db } from '@/db/client';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { createDevice } from '@/lib/devices/create-device';
import { env } from '@/lib/env';
import { frigateSequence, genericEvents, onvifNotify, posLog, sensorMessage } from '@/lib/simulator/traffic';

export type SimulateOptions = { store: string; rate: number; duration: number; url: string; mqttUrl: string };

type Tally = { sent: number; accepted: number; duplicates: number; alerts: number; refused: number };

export async function simulate(db: Db, o: SimulateOptions) {
  const run = Math.random().toString(36).slice(2, 7);
  const device = (kind: 'camera' | 'pos' | 'sensor', vendor: string, ref?: string) => createDevice(db, CLI_OPERATOR, { store: o.store, kind, vendor, ref, name: `Simulator ${vendor} ${kind}` });
  const [generic, onvif, till] = await Promise.all([device('camera', 'generic'), device('camera', 'onvif'), device('pos', 'poslog')]);
  const frigateCamera = `sim_${o.store.toLowerCase()}_${run}`;
  const sensorRef = `sim_sensor_${run}`;
  await device('camera', 'frigate', frigateCamera);
  await device('sensor', 'generic', sensorRef);

  const tally: Record<string, Tally> = {};
  const count = (channel: string, sent: number, r?: { accepted?: number; duplicates?: number; alerts?: number }, refused = false) => {
    const t = (tally[channel] ??= { sent: 0, accepted: 0, duplicates: 0, alerts: 0, refused: 0 });
    t.sent += sent;
    t.accepted += r?.accepted ?? 0;
    t.duplicates += r?.duplicates ?? 0;
    t.alerts += r?.alerts ?? 0;
    if (refused) t.refused += sent;
  };
  const post = async (channel: string, path: string, key: string, type: string, body: string, n: number) => {
    const res = await fetch(`${o.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': type }, body });
    const json = (await res.json().catch(() => ({}))) as Tally;
    count(channel, n, json, res.status !== 202);
  };
  const client = await mqtt.connectAsync(o.mqttUrl, { clientId: `vigil-sim-${run}` });
  const publish = async (channel: string, topic: string, payload: unknown) => {
    await client.publishAsync(topic, JSON.stringify(payload), { qos: 1 });
    count(channel, 1);
  };

  const ticks = Math.max(1, Math.round(o.duration * 10));
  const perTick = o.rate / 10;
  const bursts = new Map([
    [Math.floor(ticks * 0.25), 'eas'],
    [Math.floor(ticks * 0.5), 'refund'],
    [Math.floor(ticks * 0.75), 'panic'],
  ]);
  let carry = 0;
  const started = Date.now();
  for (let tick = 0; tick < ticks; tick++) {
    const due = started + tick * 100;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    carry += perTick;
    const n = Math.floor(carry);
    carry -= n;
    const work: Promise<unknown>[] = [];
    if (n > 0) work.push(post('http generic', '/api/ingest/events', generic.apiKey, 'application/json', JSON.stringify(genericEvents(n)), n));
    if (tick % 10 === 3) work.push(post('http onvif', '/api/ingest/onvif', onvif.apiKey, 'application/soap+xml', onvifNotify(), 1));
    if (tick % 20 === 7) work.push(post('http poslog', '/api/ingest/pos', till.apiKey, 'application/xml', posLog(o.store, { kind: Math.random() < 0.1 ? 'no_sale' : 'sale', pounds: 5 + Math.random() * 60 }), 1));
    if (tick % 30 === 11) for (const m of frigateSequence(frigateCamera)) work.push(publish('mqtt frigate', 'frigate/events', m));
    if (tick % 40 === 5) work.push(publish('mqtt sensor', `vigil/${o.store}/${sensorRef}/door`, sensorMessage('door_open', 'stockroom')));
    const burst = bursts.get(tick);
    if (burst === 'eas') {
      // Three gate alarms and a person at the exit: "Repeated EAS gate alarms" and "Gate alarm with person at exit".
      for (let i = 0; i < 3; i++) work.push(publish('mqtt sensor', `vigil/${o.store}/${sensorRef}/eas`, sensorMessage('eas_alarm', 'exit')));
      work.push(post('http generic', '/api/ingest/events', generic.apiKey, 'application/json', JSON.stringify({ events: [{ ...genericEvents(1).events[0], type: 'person_detected', zone: 'exit' }] }), 1));
    }
    if (burst === 'refund') work.push(post('http poslog', '/api/ingest/pos', till.apiKey, 'application/xml', posLog(o.store, { kind: 'refund_no_receipt', pounds: 79.99 }), 1));
    if (burst === 'panic') work.push(publish('mqtt sensor', `vigil/${o.store}/${sensorRef}/panic`, sensorMessage('panic', 'tills')));
    await Promise.all(work);
  }
  await client.endAsync();
  return { store: o.store, seconds: Math.round((Date.now() - started) / 100) / 10, channels: tally, note: 'MQTT messages are counted as sent; the worker stores them asynchronously.' };
}

export const defaultTargets = () => ({ url: `http://127.0.0.1:${env.PORT}`, mqttUrl: env.MQTT_URL ?? `mqtt://127.0.0.1:${env.VIGIL_MQTT_PORT}` });
