// Durable storage of normalised events: one statement per batch that claims each
// (device, vendor event id) in security_event_key and inserts only the events whose key it
// claimed, so a redelivery is counted, not stored, whatever time it carries.
//
// security_event is partitioned by month and PostgreSQL only allows unique constraints that
// include the partition key, so security_event_dedupe_uq has to include occurred_at and
// cannot catch the same id with another time; the unpartitioned key table can. Claiming
// through its primary key also settles concurrent deliveries of one id: the second insert
// waits for the first transaction and then does nothing, so exactly one stores the event,
// with no lock or re-check of our own. An id stays a duplicate for as long as its key is
// kept, which is as long as the event itself (lib/retention/expire-security-events.ts).
import { and, eq, inArray, Param, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { securityEvents, zones } from '@/db/schema';
import type { NormalisedEvent } from './types';

/** What the rules need of a stored event (the payload stays in the database). */
export type StoredEvent = Pick<
  typeof securityEvents.$inferSelect,
  'id' | 'occurredAt' | 'storeId' | 'deviceId' | 'zoneId' | 'sourceKind' | 'type' | 'vendorEventId'
>;
export type StoreResult = { accepted: number; duplicates: number; updated: number; stored: StoredEvent[] };

const normaliseLabel = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

type ZoneRow = { id: string; storeId: string; kind: string; name: string };
/** Zones change rarely and every batch needs them: kept per process for a minute. */
const ZONE_TTL_MS = 60_000;
const zoneCache = new Map<string, { at: number; rows: ZoneRow[] }>();

async function zonesOf(db: DbOrTx, storeIds: string[]): Promise<ZoneRow[]> {
  const now = Date.now();
  const missing = storeIds.filter((id) => (zoneCache.get(id)?.at ?? 0) < now - ZONE_TTL_MS);
  if (missing.length) {
    const fresh = await db
      .select({ id: zones.id, storeId: zones.storeId, kind: zones.kind, name: zones.name })
      .from(zones)
      .where(inArray(zones.storeId, missing));
    for (const id of missing) zoneCache.set(id, { at: now, rows: fresh.filter((z) => z.storeId === id) });
  }
  return storeIds.flatMap((id) => zoneCache.get(id)?.rows ?? []);
}

/** Maps a vendor's zone label ("self_checkout", "Self-checkout", "Beers, wines & spirits") to a store zone. */
async function zoneResolver(db: DbOrTx, storeIds: string[]) {
  const rows = await zonesOf(db, storeIds);
  const index = new Map<string, string>();
  for (const z of rows) {
    index.set(`${z.storeId}|${normaliseLabel(z.kind)}`, z.id);
    index.set(`${z.storeId}|${normaliseLabel(z.name)}`, z.id);
  }
  return (storeId: string, label: string | null) =>
    label ? (index.get(`${storeId}|${normaliseLabel(label)}`) ?? null) : null;
}

/**
 * A PostgreSQL array literal ({"a","b",NULL}). Sent as one text parameter and cast
 * in SQL, because the driver binds a JS array to a prepared statement unserialised.
 */
export function pgArrayLiteral(values: (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

type RawRow = {
  id: string;
  occurred_at: Date | string;
  store_id: string;
  device_id: string;
  zone_id: string | null;
  source_kind: StoredEvent['sourceKind'];
  type: string;
  vendor_event_id: string;
};

/**
 * One statement: claim the keys, then insert the events whose key was claimed. Built
 * from unnest(arrays): ten array parameters instead of ten per row, which parses and
 * binds several times faster than a VALUES list of 500 rows.
 */
async function insertBatch(
  db: DbOrTx,
  events: NormalisedEvent[],
  zoneOf: (storeId: string, label: string | null) => string | null,
): Promise<StoredEvent[]> {
  const col = (f: (e: NormalisedEvent) => string | number | null) => new Param(pgArrayLiteral(events.map(f)));
  const rows = (await db.execute(sql`
    with batch as materialized (
      -- The first delivery of an id within the batch wins, as it would across batches.
      select distinct on (b.device_id, b.vendor_event_id) b.*
      from unnest(
        ${col((e) => e.occurredAt.toISOString())}::timestamptz[], ${col((e) => e.storeId)}::uuid[], ${col((e) => e.deviceId)}::uuid[],
        ${col((e) => zoneOf(e.storeId, e.zoneLabel))}::uuid[], ${col((e) => e.zoneLabel)}::text[], ${col((e) => e.sourceKind)}::text[],
        ${col((e) => e.type)}::text[], ${col((e) => e.confidence)}::real[], ${col((e) => e.vendorEventId)}::text[],
        ${col((e) => JSON.stringify(e.payload))}::jsonb[]
      ) with ordinality as b(occurred_at, store_id, device_id, zone_id, zone_label, source_kind, type, confidence, vendor_event_id, payload, n)
      order by b.device_id, b.vendor_event_id, b.n
    ), claimed as (
      insert into security_event_key (device_id, vendor_event_id, occurred_at)
      select device_id, vendor_event_id, occurred_at from batch
      -- In key order, so two batches sharing ids wait on each other instead of deadlocking.
      order by device_id, vendor_event_id
      on conflict do nothing
      returning device_id, vendor_event_id
    )
    insert into security_event (occurred_at, store_id, device_id, zone_id, zone_label, source_kind, type, confidence, vendor_event_id, payload)
    select u.occurred_at, u.store_id, u.device_id, u.zone_id, u.zone_label, u.source_kind::device_kind, u.type, u.confidence, u.vendor_event_id, u.payload
    from batch u join claimed using (device_id, vendor_event_id)
    -- Only a row stored without its key can conflict (by a process still on the previous
    -- release during an upgrade, or written around this function): keep it, store nothing.
    on conflict (device_id, vendor_event_id, occurred_at) do nothing
    returning id, occurred_at, store_id, device_id, zone_id, source_kind, type, vendor_event_id`)) as unknown as RawRow[];
  return rows.map((r) => ({
    id: r.id,
    occurredAt: new Date(r.occurred_at),
    storeId: r.store_id,
    deviceId: r.device_id,
    zoneId: r.zone_id,
    sourceKind: r.source_kind,
    type: r.type,
    vendorEventId: r.vendor_event_id,
  }));
}

/**
 * `updateInPlace` is for sources that resend the same event as it evolves (Frigate's
 * new → update → end): the stored row takes the latest payload instead of the first.
 * Only newly inserted rows are returned in `stored`, so rules see each event once.
 */
export async function storeSecurityEvents(
  db: DbOrTx,
  events: NormalisedEvent[],
  opts: { updateInPlace?: boolean } = {},
): Promise<StoreResult> {
  if (events.length === 0) return { accepted: 0, duplicates: 0, updated: 0, stored: [] };
  const zoneOf = await zoneResolver(db, [...new Set(events.map((e) => e.storeId))]);
  if (!opts.updateInPlace) {
    // One statement is atomic on its own: no transaction round trips per batch.
    const stored = await insertBatch(db, events, zoneOf);
    return { accepted: stored.length, duplicates: events.length - stored.length, updated: 0, stored };
  }
  return db.transaction(async (tx) => {
    const stored = await insertBatch(tx, events, zoneOf);
    // Not ON CONFLICT DO UPDATE: on a partitioned table RETURNING cannot read xmax to
    // tell inserted rows from updated ones, and rules must only see new events. The
    // stored row keeps its first time; later messages about the object update the rest.
    const inserted = new Set(stored.map((r) => `${r.deviceId}|${r.vendorEventId}`));
    let updated = 0;
    for (const e of events.filter((x) => !inserted.has(`${x.deviceId}|${x.vendorEventId}`))) {
      const rows = await tx
        .update(securityEvents)
        .set({
          payload: e.payload,
          confidence: e.confidence,
          zoneLabel: e.zoneLabel,
          zoneId: zoneOf(e.storeId, e.zoneLabel),
        })
        .where(and(eq(securityEvents.deviceId, e.deviceId), eq(securityEvents.vendorEventId, e.vendorEventId)))
        .returning({ id: securityEvents.id });
      updated += rows.length;
    }
    return { accepted: stored.length, duplicates: 0, updated, stored };
  });
}
