// One alert with its action timeline and what triggered it (camera and sensor
// events, till transactions), for the console's expandable detail and GET /api/alerts/{id}.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alertActions, alerts, devices, posTransactions, securityEvents, users, zones } from '@/db/schema';
import type { PosLine } from '@/db/schema/events';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { NotFound } from '@/lib/errors';
import type { RealtimePayload } from '@/lib/realtime/rooms';
import { type AlertActionKind, alertForAction } from './alert-actions';
import { alertPayloadById } from './list-alerts';

const MAX_TRIGGERS = 50;
const SNAPSHOT_KEYS = [
  'snapshotUrl',
  'snapshot_url',
  'snapshot',
  'imageUrl',
  'image_url',
  'thumbnailUrl',
  'thumbnail_url',
];

export type AlertActionEntry = {
  action: AlertActionKind;
  at: string;
  by: string | null;
  detail: Record<string, unknown>;
};
export type TriggeringEvent = {
  id: string;
  occurredAt: string;
  type: string;
  zone: string | null;
  device: string | null;
  vendor: string | null;
  vendorEventId: string;
  confidence: number | null;
  /** Only http(s) links from the vendor's payload; anything else is dropped. */
  snapshotUrl: string | null;
  /** Frigate says it kept a snapshot, but sends no link to it. */
  hasSnapshot: boolean;
  data: Record<string, string | number | boolean>;
};
export type TriggeringTransaction = {
  id: string;
  occurredAt: string;
  terminalId: string;
  type: string;
  totalPence: number;
  receiptRef: string | null;
  tenderType: string | null;
  flags: string[];
  lines: PosLine[];
};
export type AlertDetail = {
  alert: RealtimePayload;
  actions: AlertActionEntry[];
  events: TriggeringEvent[];
  transactions: TriggeringTransaction[];
};

function snapshotUrlOf(payload: Record<string, unknown>): string | null {
  for (const key of SNAPSHOT_KEYS) {
    const v = payload[key];
    if (typeof v === 'string' && /^https?:\/\//i.test(v)) {
      try {
        return new URL(v).toString();
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** A vendor payload as a few readable key/values: scalars and lists of scalars, nothing nested. */
function readableData(payload: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(payload)) {
    if (Object.keys(out).length >= 12) break;
    if (SNAPSHOT_KEYS.includes(k) || v === null || v === undefined) continue;
    if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (typeof v === 'string') out[k] = v.slice(0, 200);
    else if (Array.isArray(v) && v.every((x) => ['string', 'number'].includes(typeof x)))
      out[k] = v.join(', ').slice(0, 200);
  }
  return out;
}

export async function getAlert(db: DbOrTx, actor: Actor, alertId: string): Promise<AlertDetail> {
  const current = await alertForAction(db, alertId);
  assertCan(actor, 'alert.read', { storeId: current.storeId });
  const [alert, [row]] = await Promise.all([
    alertPayloadById(db, current.id),
    db.select({ ids: alerts.triggeringEventIds }).from(alerts).where(eq(alerts.id, current.id)),
  ]);
  if (!alert || !row) throw new NotFound('That alert');
  const ids = row.ids.slice(0, MAX_TRIGGERS);

  const [actions, events, transactions] = await Promise.all([
    db
      .select({ action: alertActions.action, at: alertActions.at, by: users.name, detail: alertActions.detail })
      .from(alertActions)
      .leftJoin(users, eq(users.id, alertActions.actorId))
      .where(eq(alertActions.alertId, current.id))
      .orderBy(asc(alertActions.at)),
    ids.length
      ? db
          .select({
            id: securityEvents.id,
            occurredAt: securityEvents.occurredAt,
            type: securityEvents.type,
            zoneName: zones.name,
            zoneLabel: securityEvents.zoneLabel,
            device: devices.name,
            vendor: devices.vendor,
            vendorEventId: securityEvents.vendorEventId,
            confidence: securityEvents.confidence,
            payload: securityEvents.payload,
          })
          .from(securityEvents)
          .leftJoin(zones, eq(zones.id, securityEvents.zoneId))
          .leftJoin(devices, eq(devices.id, securityEvents.deviceId))
          // The store filter keeps the lookup inside the alert's store even if ids were tampered with.
          .where(and(eq(securityEvents.storeId, current.storeId), inArray(securityEvents.id, ids)))
          .orderBy(asc(securityEvents.occurredAt))
      : [],
    ids.length
      ? db
          .select({
            id: posTransactions.id,
            occurredAt: posTransactions.occurredAt,
            terminalId: posTransactions.terminalId,
            type: posTransactions.type,
            totalPence: posTransactions.totalPence,
            receiptRef: posTransactions.receiptRef,
            tenderType: posTransactions.tenderType,
            flags: posTransactions.flags,
            lines: posTransactions.lines,
          })
          .from(posTransactions)
          .where(and(eq(posTransactions.storeId, current.storeId), inArray(posTransactions.id, ids)))
          .orderBy(asc(posTransactions.occurredAt))
      : [],
  ]);

  return {
    alert,
    actions: actions.map((a) => ({ action: a.action, at: a.at.toISOString(), by: a.by ?? null, detail: a.detail })),
    events: events.map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      type: e.type,
      zone: e.zoneName ?? e.zoneLabel ?? null,
      device: e.device ?? null,
      vendor: e.vendor ?? null,
      vendorEventId: e.vendorEventId,
      confidence: e.confidence,
      snapshotUrl: snapshotUrlOf(e.payload),
      hasSnapshot: e.payload.hasSnapshot === true,
      data: readableData(e.payload),
    })),
    // Operator and card pseudonyms stay server-side: people need what was rung up, not who.
    transactions: transactions.map((t) => ({ ...t, occurredAt: t.occurredAt.toISOString() })),
  };
}
