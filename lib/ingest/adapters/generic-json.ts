// Our own documented webhook schema (POST /api/ingest/events, DESIGN.md §11): the zod
// schema, reused for OpenAPI and by the sensor MQTT adapter, and its adapter. Unlike the
// vendor adapters this one is strict: integrators write to it, so a bad item is an error.
import { z } from 'zod';
import { unstorableIssue } from '@/lib/ingest/adapters/storable';
import {
  SECURITY_EVENT_TYPES,
  type AdapterContext,
  type AdapterResult,
  type NormalisedEvent,
} from '@/lib/ingest/types';

export const MAX_DATA_BYTES = 16 * 1024;
/** Clock skew we tolerate from devices before calling a time "in the future". */
export const MAX_FUTURE_MS = 5 * 60_000;

function dataSize(data: Record<string, unknown>): number {
  try {
    return Buffer.byteLength(JSON.stringify(data), 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

const fitsDataLimit = (data: Record<string, unknown>): boolean => dataSize(data) <= MAX_DATA_BYTES;

export const genericEventData = z
  .record(z.string(), z.unknown())
  .refine(fitsDataLimit, `data must be at most ${MAX_DATA_BYTES} bytes as JSON`);

export const genericEventItem = z.object({
  id: z.string().min(1).max(200).describe("The vendor's event id, unique per device"),
  type: z.enum(SECURITY_EVENT_TYPES),
  occurredAt: z.iso.datetime({ offset: true }).describe('ISO 8601 with an offset (Z or ±hh:mm)'),
  zone: z.string().max(120).optional(),
  confidence: z.number().min(0).max(1).optional(),
  data: genericEventData.optional(),
});

export const genericEventsBody = z.object({
  events: z.array(genericEventItem).min(1).max(1000),
});

export type GenericEventItem = z.infer<typeof genericEventItem>;

export type Issue = { path: string; message: string };

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** The "not more than 5 minutes in the future" rule needs the receipt time, so it lives outside the static schema. */
export function futureTimeIssue(occurredAt: Date, now: Date, path: string): Issue | null {
  return occurredAt.getTime() - now.getTime() > MAX_FUTURE_MS
    ? { path, message: 'occurredAt is more than 5 minutes in the future' }
    : null;
}

export function adaptGenericEvents(body: unknown, ctx: AdapterContext): AdapterResult<NormalisedEvent> {
  try {
    const unstorable = unstorableIssue(body);
    if (unstorable) return { ok: false, error: 'Invalid events batch', issues: [unstorable] };
    const parsed = genericEventsBody.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'Invalid events batch', issues: zodIssues(parsed.error) };

    const issues: Issue[] = [];
    const items = parsed.data.events.map((event, i): NormalisedEvent => {
      const occurredAt = new Date(event.occurredAt);
      const future = futureTimeIssue(occurredAt, ctx.now, `events.${i}.occurredAt`);
      if (future) issues.push(future);
      return {
        storeId: ctx.storeId,
        deviceId: ctx.deviceId,
        sourceKind: ctx.deviceKind,
        // Duplicate ids within a batch are kept: the database's dedupe key settles them.
        vendorEventId: event.id,
        type: event.type,
        occurredAt,
        zoneLabel: event.zone?.trim() || null,
        confidence: event.confidence ?? null,
        payload: event.data ?? {},
      };
    });
    if (issues.length > 0) return { ok: false, error: 'Invalid events batch', issues };
    return { ok: true, items };
  } catch (e) {
    return { ok: false, error: `Events batch could not be read: ${e instanceof Error ? e.message : 'unknown error'}` };
  }
}
