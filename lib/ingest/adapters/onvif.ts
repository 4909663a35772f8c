// ONVIF event notifications (WS-BaseNotification) → normalised events. Owns the topic →
// event-type mapping and the reading of SimpleItems. Every NotificationMessage found
// anywhere in the document becomes an event, so Notify requests, PullMessagesResponse
// envelopes and metadata streams all go through the same path.
import { createHash } from 'node:crypto';
import type { Issue } from '@/lib/ingest/adapters/generic-json';
import type { AdapterContext, AdapterResult, NormalisedEvent, SecurityEventType } from '@/lib/ingest/types';
import {
  attr,
  child,
  childNames,
  children,
  findAll,
  isElement,
  isShort,
  parseIsoDateTime,
  parseXmlSafely,
  textOf,
  tooManyItems,
} from '@/lib/ingest/adapters/xml';

/** SimpleItems by name. A name repeated within one Source/Key/Data keeps every value. */
export type OnvifItems = Record<string, string | string[]>;

function simpleItems(message: unknown, section: 'Source' | 'Key' | 'Data'): OnvifItems {
  const values = new Map<string, string[]>();
  for (const container of children(message, section)) {
    for (const item of children(container, 'SimpleItem')) {
      const name = attr(item, 'Name');
      if (name === null) continue;
      const list = values.get(name) ?? [];
      list.push(attr(item, 'Value') ?? '');
      values.set(name, list);
    }
  }
  // fromEntries defines own properties, so a SimpleItem named "__proto__" stays data.
  return Object.fromEntries([...values].map(([name, list]) => [name, list.length === 1 ? (list[0] ?? '') : list]));
}

function firstValue(items: OnvifItems, names: readonly string[]): string | null {
  for (const wanted of names) {
    const key = Object.keys(items).find((k) => k.toLowerCase() === wanted.toLowerCase());
    if (key === undefined) continue;
    const value = items[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== '') return first.trim();
  }
  return null;
}

function toBoolean(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return null;
}

/** Item names and topics longer than these are no name or topic we know: they map to nothing. */
const MAX_NAME_LENGTH = 64;
const MAX_TOPIC_LENGTH = 512;
/** At most this many NotificationMessages per request, like the JSON route's 1000 events. */
export const MAX_NOTIFICATIONS = 1000;

// The state items ONVIF and common vendors put in Data: IsMotion (MotionAlarm/CellMotion),
// IsInside (FieldDetector), LogicalState (DigitalInput), State (many), IsTamper, IsTooBlurry…
const STATE_ITEM = /^(is[a-z0-9_]*|state|logicalstate|active|alarm|triggered)$/i;

/** The alarm's on/off state when Data carries one as a boolean; null when it doesn't. */
function alarmState(data: OnvifItems): boolean | null {
  for (const [name, value] of Object.entries(data)) {
    if (!isShort(name, MAX_NAME_LENGTH) || !STATE_ITEM.test(name) || Array.isArray(value)) continue;
    const state = toBoolean(value);
    if (state !== null) return state;
  }
  return null;
}

/** Topic segments without their namespace prefixes (tns1:, tnsaxis:, …), lower-cased. */
function topicSegments(topic: string): string[] {
  if (!isShort(topic, MAX_TOPIC_LENGTH)) return [];
  return topic
    .split('/')
    .map((segment) =>
      segment
        .trim()
        .replace(/^[^:]*:/, '')
        .toLowerCase(),
    )
    .filter((segment) => segment !== '');
}

function hasPair(segments: string[], parent: string, leaf: string): boolean {
  return segments.some((s, i) => s === parent && segments[i + 1] === leaf);
}

function mentionsDoor(items: OnvifItems): boolean {
  return Object.entries(items).some(
    ([name, value]) =>
      (isShort(name, MAX_NAME_LENGTH) && /door/i.test(name)) ||
      [value].flat().some((v) => isShort(v, MAX_NAME_LENGTH) && /door/i.test(v)),
  );
}

export function onvifEventType(topic: string, source: OnvifItems, data: OnvifItems): SecurityEventType {
  const s = topicSegments(topic);
  const last = s[s.length - 1] ?? '';
  // Tamper topics vary most between vendors (RuleEngine/TamperDetector/Tamper,
  // VideoSource/GlobalSceneChange/ImagingService, VideoSource/ImageTooBlurry/…).
  if (s.some((x) => x.startsWith('tamper') || x.startsWith('globalscenechange') || x.startsWith('imagetoo'))) {
    return 'tamper';
  }
  if (
    last === 'motionalarm' ||
    hasPair(s, 'cellmotiondetector', 'motion') ||
    hasPair(s, 'motionregiondetector', 'motion')
  ) {
    return 'motion';
  }
  if (hasPair(s, 'linedetector', 'crossed')) return 'line_crossing';
  if (hasPair(s, 'fielddetector', 'objectsinside')) return 'intrusion';
  if (s.some((x) => x.includes('loitering'))) return 'loitering';
  // ONVIF Door Control: tns1:Door/State/DoorPhysicalState with State Open/Closed/Fault/Unknown.
  if (s[0] === 'door' && last === 'doorphysicalstate') {
    const state = firstValue(data, ['State'])?.toLowerCase();
    if (state === 'open') return 'door_open';
    if (state === 'closed') return 'door_closed';
    return 'other';
  }
  // A digital input is whatever was wired to it; only call it a door when the device says so.
  const isInput = s.includes('digitalinput') || hasPair(s, 'device', 'io');
  if (isInput && mentionsDoor(source)) {
    const state = alarmState(data);
    if (state === true) return 'door_open';
    if (state === false) return 'door_closed';
  }
  return 'other';
}

function topicOf(notification: unknown): { topic: string; dialect: string | null } {
  const element = child(notification, 'Topic');
  const dialect = attr(element, 'Dialect');
  const text = textOf(element);
  if (text !== null) return { topic: text, dialect };
  // Some producers nest the topic as elements (<tns1:RuleEngine><LineDetector>…) instead of text.
  const path: string[] = [];
  let node: unknown = element;
  while (isElement(node) && path.length < 16) {
    const [name] = childNames(node);
    if (name === undefined) break;
    path.push(name);
    node = child(node, name);
  }
  return { topic: path.join('/'), dialect };
}

/** `Message/Message` (wsnt:Message wrapping tt:Message); some producers drop the wrapper. */
function innerMessage(notification: unknown): unknown {
  const wrapper = child(notification, 'Message');
  const inner = child(wrapper, 'Message');
  if (isElement(inner)) return inner;
  return attr(wrapper, 'UtcTime') !== null ? wrapper : undefined;
}

function sortedEntries(items: OnvifItems): [string, string | string[]][] {
  return Object.entries(items).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

type Reading = { event: NormalisedEvent; issue?: undefined } | { issue: Issue; event?: undefined };

function toEvent(notification: unknown, index: number, ctx: AdapterContext): Reading {
  const { topic, dialect } = topicOf(notification);
  const message = innerMessage(notification);
  const utcTime = attr(message, 'UtcTime');
  // ONVIF says UtcTime is UTC; some cameras omit the Z, which still means UTC. A time we
  // cannot read refuses the request: silently using the receipt time would misdate evidence.
  const parsedTime = utcTime === null ? null : parseIsoDateTime(utcTime, 'UTC');
  if (utcTime !== null && parsedTime === null) {
    return {
      issue: {
        path: `NotificationMessage.${index}.UtcTime`,
        message: 'UtcTime is not an xs:dateTime such as 2026-07-01T11:58:12Z',
      },
    };
  }
  const source = simpleItems(message, 'Source');
  const key = simpleItems(message, 'Key');
  const data = simpleItems(message, 'Data');
  const state = alarmState(data);

  // A redelivered notification hashes to the same id. Items are sorted so attribute
  // order quirks don't matter; the parsed time is used so "…Z" and "….000Z" agree.
  // Without a UtcTime the receipt time stands in, so two untimed notifications that look
  // alike stay two events (the dedupe key does not include the time).
  const vendorEventId = createHash('sha256')
    .update(
      JSON.stringify([
        topic,
        parsedTime?.toISOString() ?? `received:${ctx.now.toISOString()}`,
        sortedEntries(source),
        sortedEntries(key),
        sortedEntries(data),
      ]),
    )
    .digest('hex');

  const confidenceText = firstValue(data, ['Confidence', 'Likelihood']);
  const confidence =
    isShort(confidenceText, 32) && /^\s*(0(\.\d+)?|1(\.0+)?|\.\d+)\s*$/.test(confidenceText)
      ? Number(confidenceText)
      : null;

  const event: NormalisedEvent = {
    storeId: ctx.storeId,
    deviceId: ctx.deviceId,
    sourceKind: ctx.deviceKind,
    vendorEventId,
    type: onvifEventType(topic, source, data),
    occurredAt: parsedTime ?? ctx.now,
    zoneLabel:
      firstValue(source, ['Rule', 'RuleName']) ??
      firstValue(source, ['VideoAnalyticsConfigurationToken', 'VideoSourceConfigurationToken']),
    confidence,
    payload: {
      topic,
      topicDialect: dialect,
      utcTime,
      propertyOperation: attr(message, 'PropertyOperation'),
      source,
      key,
      data,
      // A "false" state (IsMotion=false, State=0) is the alarm ending: still an event,
      // flagged so rules can ignore it. Events with no state item are occurrences.
      active: state ?? true,
      // Said out loud so nobody reads the receipt time as the camera's.
      ...(parsedTime === null ? { timeSource: 'received' } : {}),
    },
  };
  return { event };
}

export function adaptOnvif(xml: string, ctx: AdapterContext): AdapterResult<NormalisedEvent> {
  try {
    const parsed = parseXmlSafely(xml);
    if (!parsed.ok) return parsed;
    const notifications = findAll(parsed.root, 'NotificationMessage');
    if (notifications.length === 0) return { ok: false, error: 'No NotificationMessage found in the ONVIF payload' };
    const tooMany = tooManyItems('NotificationMessage', notifications.length, MAX_NOTIFICATIONS);
    if (tooMany) return tooMany;
    const readings = notifications.map((n, i) => toEvent(n, i, ctx));
    const issues = readings.flatMap((r) => (r.issue ? [r.issue] : []));
    if (issues.length > 0) return { ok: false, error: 'Invalid ONVIF notification', issues };
    return { ok: true, items: readings.flatMap((r) => (r.event ? [r.event] : [])) };
  } catch (e) {
    return { ok: false, error: `ONVIF payload could not be read: ${e instanceof Error ? e.message : 'unknown error'}` };
  }
}
