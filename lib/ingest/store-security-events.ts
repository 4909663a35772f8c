// Durable storage of normalised events: one multi-row insert per batch that skips any
// (device, vendor event id) already stored, so a redelivery is counted, not stored.
//
// The vendor id is unique per device whatever time the delivery carries, but
// security_event is partitioned by month and PostgreSQL only allows unique constraints that
// include the partition key, so security_event_dedupe_uq has to include occurred_at and
// cannot catch the same id with another time. The insert therefore checks every partition
// itself (NOT EXISTS over the dedupe index, whose leading columns are device and id).
// Two concurrent deliveries can both pass that check, so after inserting, each takes a
// per-device advisory lock held until commit and drops its rows whose id another
// transaction has committed meanwhile: whichever gets the lock second sees the other's
// rows. Only that short re-check is serialised per device, not the insert. (The lock-free
// alternative is a small unpartitioned key table, which needs a migration.)
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
 * `updateInPlace` is for sources that resend the same event as it evolves (Frigate's
 * new → update → end): the stored row takes the latest payload instead of the first.
 * Only newly inserted rows are returned in `stored`, so rules see each event once.
 */
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
 * How far apart in time two deliveries of one vendor id may be and still be one event.
 * The check looks only at rows within this window, so run-time partition pruning keeps it
 * to the neighbouring monthly partitions however long the device's history; an id a vendor
 * reuses more than this apart is a new event.
 */
export const DEDUPE_WINDOW_DAYS = 35;

/**
 * A stored row with the same device and vendor id as row `r`, near its time. A LATERAL
 * subquery with LIMIT, not NOT EXISTS: the planner turns NOT EXISTS into a hash anti-join
 * that reads every stored row of the device, which grows with its history.
 */
const seenNear = (r: ReturnType<typeof sql>, notId = false) => sql`
  select 1 as hit from security_event s
  where s.device_id = ${r}.device_id and s.vendor_event_id = ${r}.vendor_event_id
    and s.occurred_at between ${r}.occurred_at - make_interval(days => ${DEDUPE_WINDOW_DAYS})
                          and ${r}.occurred_at + make_interval(days => ${DEDUPE_WINDOW_DAYS})
    ${notId ? sql`and s.id <> ${r}.id` : sql``}
  limit 1`;

/**
 * One INSERT … SELECT FROM unnest(arrays): ten array parameters instead of ten per
 * row, which parses and binds several times faster than a VALUES list of 500 rows.
 */
async function insertBatch(
  db: DbOrTx,
  events: NormalisedEvent[],
  zoneOf: (storeId: string, label: string | null) => string | null,
): Promise<StoredEvent[]> {
  const col = (f: (e: NormalisedEvent) => string | number | null) => new Param(pgArrayLiteral(events.map(f)));
  const rows = (await db.execute(sql`
    insert into security_event (occurred_at, store_id, device_id, zone_id, zone_label, source_kind, type, confidence, vendor_event_id, payload)
    select u.occurred_at, u.store_id, u.device_id, u.zone_id, u.zone_label, u.source_kind::device_kind, u.type, u.confidence, u.vendor_event_id, u.payload
    from (
      -- The first delivery of an id within the batch wins, as it would across batches.
      select distinct on (b.device_id, b.vendor_event_id) b.*
      from unnest(
        ${col((e) => e.occurredAt.toISOString())}::timestamptz[], ${col((e) => e.storeId)}::uuid[], ${col((e) => e.deviceId)}::uuid[],
        ${col((e) => zoneOf(e.storeId, e.zoneLabel))}::uuid[], ${col((e) => e.zoneLabel)}::text[], ${col((e) => e.sourceKind)}::text[],
        ${col((e) => e.type)}::text[], ${col((e) => e.confidence)}::real[], ${col((e) => e.vendorEventId)}::text[],
        ${col((e) => JSON.stringify(e.payload))}::jsonb[]
      ) with ordinality as b(occurred_at, store_id, device_id, zone_id, zone_label, source_kind, type, confidence, vendor_event_id, payload, n)
      order by b.device_id, b.vendor_event_id, b.n
    ) as u
    left join lateral (${seenNear(sql`u`)}) as seen on true
    where seen.hit is null
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

/** Serialises the re-check per device until the transaction ends (see the module comment). */
async function lockDevices(tx: DbOrTx, deviceIds: string[]): Promise<void> {
  // Sorted, so two transactions needing the same devices cannot deadlock.
  for (const id of [...new Set(deviceIds)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`security_event:${id}`}, 0))`);
  }
}

export async function storeSecurityEvents(
  db: DbOrTx,
  events: NormalisedEvent[],
  opts: { updateInPlace?: boolean } = {},
): Promise<StoreResult> {
  if (events.length === 0) return { accepted: 0, duplicates: 0, updated: 0, stored: [] };
  const zoneOf = await zoneResolver(db, [...new Set(events.map((e) => e.storeId))]);
  return db.transaction(async (tx) => {
    let stored = await insertBatch(tx, events, zoneOf);
    if (stored.length > 0) {
      await lockDevices(
        tx,
        stored.map((e) => e.deviceId),
      );
      const lost = new Set(await dropRacedDuplicates(tx, stored));
      if (lost.size > 0) stored = stored.filter((e) => !lost.has(e.id));
    }
    if (opts.updateInPlace) {
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
    }
    return { accepted: stored.length, duplicates: events.length - stored.length, updated: 0, stored };
  });
}

/** Deletes our just-inserted rows whose (device, vendor id) another transaction committed first; returns their ids. */
async function dropRacedDuplicates(tx: DbOrTx, stored: StoredEvent[]): Promise<string[]> {
  const col = (f: (e: StoredEvent) => string) => new Param(pgArrayLiteral(stored.map(f)));
  const raced = (await tx.execute(sql`
    select m.id, m.occurred_at
    from unnest(${col((e) => e.id)}::uuid[], ${col((e) => e.occurredAt.toISOString())}::timestamptz[],
                ${col((e) => e.deviceId)}::uuid[], ${col((e) => e.vendorEventId)}::text[])
      as m(id, occurred_at, device_id, vendor_event_id)
    cross join lateral (${seenNear(sql`m`, true)}) as other`)) as unknown as { id: string; occurred_at: string }[];
  // Almost always none: only a concurrent delivery of the same id with another time.
  if (raced.length === 0) return [];
  const losers = raced.map((r) => r.id);
  await tx.execute(sql`delete from security_event where id = any(${new Param(pgArrayLiteral(losers))}::uuid[])`);
  return losers;
}
