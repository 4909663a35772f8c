// Sensors over MQTT (DESIGN.md §5): the `vigil/<storeCode>/<deviceRef>/<kind>` topic
// grammar and the adapter for its payload, one generic event whose id, type and time
// may be left out because small sensors (EAS gates, door contacts, panic buttons) are dumb.
import { createHash } from 'node:crypto';
import { genericEventItem, futureTimeIssue, zodIssues } from '@/lib/ingest/adapters/generic-json';
import { unstorableIssue } from '@/lib/ingest/adapters/storable';
import {
  SECURITY_EVENT_TYPES,
  type AdapterContext,
  type AdapterResult,
  type NormalisedEvent,
  type SecurityEventType,
} from '@/lib/ingest/types';

export type SensorTopic = { storeCode: string; deviceRef: string; kind: string };

export function parseSensorTopic(topic: string): SensorTopic | null {
  if (typeof topic !== 'string') return null;
  const parts = topic.split('/');
  if (parts.length !== 4 || parts[0] !== 'vigil') return null;
  const [, storeCode, deviceRef, kind] = parts;
  // MQTT wildcards cannot appear in a published topic; refuse them rather than match them.
  const valid = (s: string | undefined): s is string => s !== undefined && s.trim() !== '' && !/[+#]/.test(s);
  if (!valid(storeCode) || !valid(deviceRef) || !valid(kind)) return null;
  return { storeCode, deviceRef, kind };
}

const KIND_TYPES: Record<string, SecurityEventType> = {
  eas: 'eas_alarm',
  door: 'door_open',
  panic: 'panic',
  tamper: 'tamper',
};

function typeForKind(kind: string): SecurityEventType {
  const k = kind.toLowerCase();
  if (Object.hasOwn(KIND_TYPES, k)) return KIND_TYPES[k] ?? 'other';
  return (SECURITY_EVENT_TYPES as readonly string[]).includes(k) ? (k as SecurityEventType) : 'other';
}

const sensorMessage = genericEventItem.extend({
  id: genericEventItem.shape.id.optional(),
  type: genericEventItem.shape.type.optional(),
  occurredAt: genericEventItem.shape.occurredAt.optional(),
});

export function adaptSensorMessage(
  topic: string,
  payload: Buffer | string,
  ctx: AdapterContext,
): AdapterResult<NormalisedEvent> {
  try {
    const parsedTopic = parseSensorTopic(topic);
    if (!parsedTopic) return { ok: false, error: 'Topic must be vigil/<storeCode>/<deviceRef>/<kind>' };
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
      return { ok: false, error: 'Payload must be a string or Buffer' };
    }
    const text = typeof payload === 'string' ? payload : payload.toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, error: 'Payload is not valid JSON' };
    }
    const unstorable = unstorableIssue(json);
    if (unstorable) return { ok: false, error: 'Invalid sensor event', issues: [unstorable] };
    const parsed = sensorMessage.safeParse(json);
    if (!parsed.success) return { ok: false, error: 'Invalid sensor event', issues: zodIssues(parsed.error) };
    const event = parsed.data;

    const occurredAt = event.occurredAt === undefined ? ctx.now : new Date(event.occurredAt);
    const future = futureTimeIssue(occurredAt, ctx.now, 'occurredAt');
    if (future) return { ok: false, error: 'Invalid sensor event', issues: [future] };

    // Without an id, a hash of exactly what was delivered gives a QoS 1 redelivery (the
    // same bytes) the same id. Without occurredAt either, the receipt time joins the hash:
    // the dedupe key ignores the time, and two presses of a dumb button are two events.
    const hash = createHash('sha256').update(topic).update('\n').update(text);
    if (event.occurredAt === undefined) hash.update('\n').update(ctx.now.toISOString());
    const vendorEventId = event.id ?? hash.digest('hex');

    return {
      ok: true,
      items: [
        {
          storeId: ctx.storeId,
          deviceId: ctx.deviceId,
          sourceKind: ctx.deviceKind,
          vendorEventId,
          type: event.type ?? typeForKind(parsedTopic.kind),
          occurredAt,
          zoneLabel: event.zone?.trim() || null,
          confidence: event.confidence ?? null,
          // The topic and time source are ours to record; they win over same-named data keys.
          payload: {
            ...(event.data ?? {}),
            topic,
            ...(event.occurredAt === undefined ? { timeSource: 'received' } : {}),
          },
        },
      ],
    };
  } catch (e) {
    return {
      ok: false,
      error: `Sensor message could not be read: ${e instanceof Error ? e.message : 'unknown error'}`,
    };
  }
}
