// Durable storage of normalised events: one multi-row insert per batch, with
// ON CONFLICT DO NOTHING on the dedupe key, so a redelivery is counted, not stored.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { securityEvents, zones } from '@/db/schema';
import type { NormalisedEvent } from './types';

export type StoredEvent = typeof securityEvents.$inferSelect;
export type StoreResult = { accepted: number; duplicates: number; updated: number; stored: StoredEvent[] };

const normaliseLabel = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Maps a vendor's zone label ("self_checkout", "Self-checkout", "Beers, wines & spirits") to a store zone. */
async function zoneResolver(db: DbOrTx, storeIds: string[]) {
  const rows = await db
    .select({ id: zones.id, storeId: zones.storeId, kind: zones.kind, name: zones.name })
    .from(zones)
    .where(inArray(zones.storeId, storeIds));
  const index = new Map<string, string>();
  for (const z of rows) {
    index.set(`${z.storeId}|${normaliseLabel(z.kind)}`, z.id);
    index.set(`${z.storeId}|${normaliseLabel(z.name)}`, z.id);
  }
  return (storeId: string, label: string | null) => (label ? (index.get(`${storeId}|${normaliseLabel(label)}`) ?? null) : null);
}

/**
 * `updateInPlace` is for sources that resend the same event as it evolves (Frigate's
 * new → update → end): the stored row takes the latest payload instead of the first.
 * Only newly inserted rows are returned in `stored`, so rules see each event once.
 */
export async function storeSecurityEvents(db: DbOrTx, events: NormalisedEvent[], opts: { updateInPlace?: boolean } = {}): Promise<StoreResult> {
  if (events.length === 0) return { accepted: 0, duplicates: 0, updated: 0, stored: [] };
  const zoneOf = await zoneResolver(db, [...new Set(events.map((e) => e.storeId))]);
  const insert = db
    .insert(securityEvents)
    .values(
      events.map((e) => ({
        occurredAt: e.occurredAt,
        storeId: e.storeId,
        deviceId: e.deviceId,
        zoneId: zoneOf(e.storeId, e.zoneLabel),
        zoneLabel: e.zoneLabel,
        sourceKind: e.sourceKind,
        type: e.type,
        confidence: e.confidence,
        vendorEventId: e.vendorEventId,
        payload: e.payload,
      })),
    );
  const target = [securityEvents.deviceId, securityEvents.vendorEventId, securityEvents.occurredAt];
  const stored = await insert.onConflictDoNothing({ target }).returning();
  if (opts.updateInPlace) {
    // Not ON CONFLICT DO UPDATE: on a partitioned table RETURNING cannot read xmax to
    // tell inserted rows from updated ones, and rules must only see new events.
    const inserted = new Set(stored.map((r) => `${r.vendorEventId}|${r.occurredAt.getTime()}`));
    let updated = 0;
    for (const e of events.filter((x) => !inserted.has(`${x.vendorEventId}|${x.occurredAt.getTime()}`))) {
      const rows = await db
        .update(securityEvents)
        .set({ payload: e.payload, confidence: e.confidence, zoneLabel: e.zoneLabel, zoneId: zoneOf(e.storeId, e.zoneLabel) })
        .where(and(eq(securityEvents.deviceId, e.deviceId), eq(securityEvents.vendorEventId, e.vendorEventId), eq(securityEvents.occurredAt, e.occurredAt)))
        .returning({ id: securityEvents.id });
      updated += rows.length;
    }
    return { accepted: stored.length, duplicates: 0, updated, stored };
  }
  return { accepted: stored.length, duplicates: events.length - stored.length, updated: 0, stored };
}
