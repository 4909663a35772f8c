// Frigate NVR `frigate/events` MQTT messages → normalised events. Frigate publishes one
// tracked object as a series of new/update/end messages under the same id; we turn each
// into the same (vendorEventId, occurredAt) so the database keeps one row per object.
// Field sets differ between Frigate versions, so only id, camera and label are required.
import { unstorableIssue } from '@/lib/ingest/adapters/storable';
import type { AdapterContext, AdapterResult, NormalisedEvent } from '@/lib/ingest/types';

type Obj = { readonly [key: string]: unknown };

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function unitScore(value: unknown): number | null {
  const n = finite(value);
  return n !== null && n >= 0 && n <= 1 ? n : null;
}

function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** Frigate epoch seconds (float) → Date; null for missing or absurd values. */
function epochSeconds(value: unknown): Date | null {
  const n = finite(value);
  if (n === null || n <= 0) return null;
  const date = new Date(n * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The MQTT layer may hand us the raw bytes or the decoded JSON; accept both. */
function decode(message: unknown): unknown {
  if (typeof message === 'string' || message instanceof Uint8Array) {
    try {
      return JSON.parse(typeof message === 'string' ? message : Buffer.from(message).toString('utf8'));
    } catch {
      return undefined;
    }
  }
  return message;
}

type Tracked = { side: 'after' | 'before'; obj: Obj };

/** The object state to read: `after` is the latest; `before` is all an odd version may send. */
function tracked(message: unknown): Tracked | null {
  const decoded = decode(message);
  if (!isObj(decoded)) return null;
  for (const side of ['after', 'before'] as const) {
    const obj = own(decoded, side);
    if (isObj(obj) && nonEmptyString(own(obj, 'id')) !== null) return { side, obj };
  }
  return null;
}

/** Same bound as our own webhook's id; camera and label names are short config keys. */
const MAX_LENGTH = { id: 200, camera: 120, label: 120 } as const;

export type FrigateSubLabel = { name: string; score: number | null };

/** `sub_label` is null, a string (≤ 0.13) or `[name, score]` (0.14+). */
function subLabel(value: unknown): FrigateSubLabel | null {
  if (typeof value === 'string') return value.trim() === '' ? null : { name: value, score: null };
  if (Array.isArray(value)) {
    const name = nonEmptyString(value[0]);
    return name === null ? null : { name, score: finite(value[1]) };
  }
  return null;
}

/**
 * top_score, else score. Frigate reports top_score 0 until the object has been scored over a
 * few frames (typical of `new` messages), so a 0 there defers to the frame's score.
 */
function confidence(obj: Obj): number | null {
  const top = unitScore(own(obj, 'top_score'));
  const score = unitScore(own(obj, 'score'));
  return top !== null && (top > 0 || score === null) ? top : score;
}

/** The camera a message is about, so the ingest layer can find the device by its vendor ref. */
export function frigateCameraName(message: unknown): string | null {
  try {
    const found = tracked(message);
    return found === null ? null : nonEmptyString(own(found.obj, 'camera'));
  } catch {
    return null;
  }
}

export type FrigateOptions = {
  /**
   * Keep Frigate's sub_label. With face recognition on, Frigate puts a person's name there:
   * biometric data Vigil does not process, so it is dropped unless an administrator opts in
   * (VIGIL_FRIGATE_SUB_LABELS), e.g. for licence plates or delivery-van labels.
   */
  subLabels?: boolean;
};

export function adaptFrigateEvent(
  message: unknown,
  ctx: AdapterContext,
  opts: FrigateOptions = {},
): AdapterResult<NormalisedEvent> {
  try {
    const decoded = decode(message);
    if (!isObj(decoded)) return { ok: false, error: 'Frigate message must be a JSON object' };
    const unstorable = unstorableIssue(decoded);
    if (unstorable) return { ok: false, error: 'Frigate message cannot be stored', issues: [unstorable] };
    const found = tracked(decoded);
    if (found === null) return { ok: false, error: 'Frigate message has no after/before object with an id' };
    const { side, obj } = found;
    const id = nonEmptyString(own(obj, 'id'));
    const camera = nonEmptyString(own(obj, 'camera'));
    const label = nonEmptyString(own(obj, 'label'));
    if (id === null || camera === null || label === null) {
      return { ok: false, error: 'Frigate event needs string id, camera and label' };
    }
    const tooLong = (Object.entries({ id, camera, label }) as [keyof typeof MAX_LENGTH, string][]).filter(
      ([name, value]) => value.length > MAX_LENGTH[name],
    );
    if (tooLong.length > 0) {
      return {
        ok: false,
        error: 'Frigate event has an id, camera or label longer than Frigate ever sends',
        issues: tooLong.map(([name]) => ({
          path: `${side}.${name}`,
          message: `At most ${MAX_LENGTH[name]} characters`,
        })),
      };
    }

    const currentZones = strings(own(obj, 'current_zones'));
    const enteredZones = strings(own(obj, 'entered_zones'));
    // start_time is fixed for the life of the tracked object. One that is there but not a
    // plausible epoch is refused rather than replaced; only a message without one falls
    // back to the receipt time, and says so in the payload.
    const rawStart = own(obj, 'start_time');
    const startTime = epochSeconds(rawStart);
    if (rawStart !== undefined && rawStart !== null && startTime === null) {
      return {
        ok: false,
        error: 'Frigate event has a start_time that is not epoch seconds',
        issues: [{ path: `${side}.start_time`, message: 'Must be a positive number of seconds since 1970' }],
      };
    }
    const endTime = epochSeconds(own(obj, 'end_time'));
    const frigateType = nonEmptyString(own(decoded, 'type'));

    return {
      ok: true,
      items: [
        {
          storeId: ctx.storeId,
          deviceId: ctx.deviceId,
          sourceKind: ctx.deviceKind,
          vendorEventId: id,
          type: label === 'person' ? 'person_detected' : 'object_detected',
          occurredAt: startTime ?? ctx.now,
          zoneLabel: currentZones[0] ?? enteredZones[0] ?? null,
          confidence: confidence(obj),
          payload: {
            frigateType,
            camera,
            label,
            ...(opts.subLabels === true ? { subLabel: subLabel(own(obj, 'sub_label')) } : {}),
            currentZones,
            enteredZones,
            startTime: startTime?.toISOString() ?? null,
            endTime: endTime?.toISOString() ?? null,
            hasSnapshot: bool(own(obj, 'has_snapshot')),
            hasClip: bool(own(obj, 'has_clip')),
            stationary: bool(own(obj, 'stationary')),
            falsePositive: bool(own(obj, 'false_positive')),
            ...(startTime === null ? { timeSource: 'received' } : {}),
          },
        },
      ],
    };
  } catch (e) {
    return {
      ok: false,
      error: `Frigate message could not be read: ${e instanceof Error ? e.message : 'unknown error'}`,
    };
  }
}
