// Which rollup rows an insight query may read for this actor and these filters.
// Region rows ('r') sum every store of a region, so they are used only where the actor may
// see the whole region (a regional manager of it, or an administrator); anything narrower
// reads store rows ('s'). Filtering happens in SQL through unitWhere().
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { regions, stores } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, scopeFor, wholeRegionsFor } from '@/lib/auth/policy';
import { Forbidden, NotFound } from '@/lib/errors';
import type { InsightFilters } from './filters';

export type ScopedStore = {
  id: string;
  code: string;
  name: string;
  regionId: string;
  regionCode: string;
  regionName: string;
  lat: number;
  lng: number;
  timezone: string;
};

export type InsightScope = {
  /** Regions read through region rows (the actor covers all of each). */
  regionIds: string[];
  /** Stores read through store rows (outside those regions). */
  storeIds: string[];
  /** Every store the figures cover, for per-store queries, the map and lists. */
  stores: ScopedStore[];
  /** What the figures cover, in words ("North West & Yorkshire"). */
  label: string;
};

const storeColumns = {
  id: stores.id,
  code: stores.code,
  name: stores.name,
  regionId: stores.regionId,
  regionCode: regions.code,
  regionName: regions.name,
  lat: stores.lat,
  lng: stores.lng,
  timezone: stores.timezone,
};

export async function resolveInsightScope(
  db: DbOrTx,
  actor: Actor,
  f: Pick<InsightFilters, 'region' | 'store'>,
): Promise<InsightScope> {
  assertCan(actor, 'insights.read');
  const scope = scopeFor(actor, 'insights.read');
  const whole = wholeRegionsFor(actor, 'insights.read');
  const visible = scope.all
    ? await db
        .select(storeColumns)
        .from(stores)
        .innerJoin(regions, eq(regions.id, stores.regionId))
        .orderBy(asc(stores.code))
    : scope.storeIds.length
      ? await db
          .select(storeColumns)
          .from(stores)
          .innerJoin(regions, eq(regions.id, stores.regionId))
          .where(inArray(stores.id, scope.storeIds))
          .orderBy(asc(stores.code))
      : [];
  if (visible.length === 0)
    throw new Forbidden('No stores are in your scope yet. Ask an administrator to give you a store or region.');
  const covers = (regionId: string) => whole === 'all' || whole.includes(regionId);

  if (f.store) {
    const store = visible.find((s) => s.code === f.store);
    if (!store) {
      const [exists] = await db.select({ id: stores.id }).from(stores).where(eq(stores.code, f.store));
      if (!exists) throw new NotFound('That store');
      throw new Forbidden("You don't have access to this store.");
    }
    if (f.region && store.regionCode !== f.region) throw new NotFound('That store in that region');
    return {
      regionIds: [],
      storeIds: [store.id],
      stores: [store],
      label: `${store.name} (${store.code})`,
    };
  }

  let inView = visible;
  let label = whole === 'all' ? 'All stores' : 'Your stores';
  if (f.region) {
    inView = visible.filter((s) => s.regionCode === f.region);
    if (inView.length === 0) {
      const [exists] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, f.region));
      if (!exists) throw new NotFound('That region');
      throw new Forbidden("You don't have access to this region.");
    }
    label = inView[0]!.regionName;
  }
  const regionIds = [...new Set(inView.map((s) => s.regionId))].filter(covers);
  const regionNames = [...new Set(inView.map((s) => s.regionName))];
  if (!f.region && whole !== 'all' && regionNames.length === 1) label = regionNames[0]!;
  const storeIds = inView.filter((s) => !covers(s.regionId)).map((s) => s.id);
  return { regionIds, storeIds, stores: inView, label };
}

/** Rows of an insight_* table (aliased `alias`) that belong to the scope. */
export function unitWhere(scope: Pick<InsightScope, 'regionIds' | 'storeIds'>, alias = 'r'): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [];
  if (scope.regionIds.length) parts.push(sql`(${a}.unit = 'r' and ${a}.unit_id = any(${uuidArray(scope.regionIds)}))`);
  if (scope.storeIds.length) parts.push(sql`(${a}.unit = 's' and ${a}.unit_id = any(${uuidArray(scope.storeIds)}))`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** Store rows of the scope's stores (per-store figures, always at store grain). */
export function storeUnitWhere(scope: Pick<InsightScope, 'stores'>, alias = 'r'): SQL {
  const a = sql.raw(alias);
  const ids = scope.stores.map((s) => s.id);
  return ids.length ? sql`(${a}.unit = 's' and ${a}.unit_id = any(${uuidArray(ids)}))` : sql`false`;
}

/** A uuid[] parameter (one bound value, not a list of them). */
export const uuidArray = (ids: string[]) => sql`${sql.param(`{${ids.join(',')}}`)}::uuid[]`;

/** What the filter bar may offer this actor: its regions and stores (codes and names only). */
export async function insightOptions(db: DbOrTx, actor: Actor) {
  const scope = await resolveInsightScope(db, actor, {});
  const regionsSeen = new Map<string, string>();
  for (const s of scope.stores) regionsSeen.set(s.regionCode, s.regionName);
  return {
    regions: [...regionsSeen].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name)),
    stores: scope.stores.map((s) => ({ code: s.code, name: s.name, regionCode: s.regionCode })),
  };
}
