// Police-recorded shoplifting around the stores of an insights view (the optional context layer).
// Same filters, role and region/store scope as storeFigures (insightContext), so a regional manager
// sees their region's stores only. police.uk publishes whole months about two months late, so the
// answer says which months it covers rather than pretending to match the period's days.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { monthStart } from '@/lib/analytics/filters';
import { insightContext, rows } from '@/lib/analytics/query';
import { cellsAround } from './grid-cells';
import { LOCAL_RADIUS_METRES, MAX_MAP_POINTS, OGL_ATTRIBUTION, SHOPLIFTING } from './police-data';

/** Mean Earth radius (IUGG), metres: the haversine's sphere. */
const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres between two points in degrees (SQL). */
export const haversineMetres = (
  lat1: SQL,
  lng1: SQL,
  lat2: SQL,
  lng2: SQL,
): SQL => sql`(2 * ${sql.raw(String(EARTH_RADIUS_M))} * asin(least(1, sqrt(
  power(sin(radians(${lat2} - ${lat1}) / 2), 2) +
  cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lng2} - ${lng1}) / 2), 2)))))`;

export type LocalShoplifting = {
  radiusMetres: number;
  /** The months overlapping the selected period (first days). */
  months: { from: string; to: string };
  /** Those of them with any imported police data near these stores, oldest first. */
  monthsCovered: string[];
  /** Whether any police.uk file has been imported at all, and its latest month. */
  anyImported: boolean;
  latestImportedMonth: string | null;
  /** Per store: shoplifting within the radius in the covered months; null when no imported data reaches the store. */
  stores: { code: string; shoplifting: number | null }[];
  /** Shoplifting points within the radius of any store, nearest first, at most MAX_MAP_POINTS. */
  points: { month: string; lat: number; lng: number }[];
  pointsTotal: number;
  attribution: string;
};

export async function localShoplifting(
  db: DbOrTx,
  actor: Actor,
  raw: unknown,
  today?: string,
): Promise<LocalShoplifting> {
  const { period, scope } = await insightContext(db, actor, raw, today);
  const months = { from: monthStart(period.from), to: monthStart(period.to) };
  const stores = JSON.stringify(
    scope.stores.map((s) => ({ code: s.code, lat: s.lat, lng: s.lng, cells: cellsAround(s.lat, s.lng, LOCAL_RADIUS_METRES) })),
  );
  // Per store, the grid cells its circle touches (an index-only range per cell and month), then
  // the exact great-circle distance. The cells come from here, not generate_series, so the
  // planner sees a handful per store rather than guessing a thousand (and compiling with JIT).
  const near = sql`
    with s as (select * from jsonb_to_recordset(${stores}::jsonb) as s(code text, lat float8, lng float8, cells int[])),
    near as (
      select s.code, c.id, c.month, c.crime_type, c.lat, c.lng,
        ${haversineMetres(sql`s.lat`, sql`s.lng`, sql`c.lat`, sql`c.lng`)} as metres
      from s cross join lateral (
        select c.id, c.month, c.crime_type, c.lat, c.lng from police_crime c
        where c.cell = any(s.cells) and c.month between ${months.from}::date and ${months.to}::date
      ) c
    )`;
  const within = sql`metres <= ${LOCAL_RADIUS_METRES}::float8`;

  const [perStoreMonth, points, imports] = await Promise.all([
    rows<{ code: string; month: string; shoplifting: number; crimes: number }>(
      db,
      sql`${near}
        select code, month::text as month, count(*) filter (where crime_type = ${SHOPLIFTING})::int as shoplifting, count(*)::int as crimes
        from near where ${within} group by code, month`,
    ),
    // A crime near two stores is one point, placed by its nearest store.
    rows<{ month: string; lat: number; lng: number; total: number }>(
      db,
      sql`${near}
        select month::text as month, lat, lng, count(*) over ()::int as total
        from (select distinct on (id) id, month, lat, lng, metres from near where crime_type = ${SHOPLIFTING} and ${within} order by id, metres) p
        order by metres, id limit ${MAX_MAP_POINTS}`,
    ),
    rows<{ n: number; latest: string | null }>(
      db,
      sql`select count(*)::int as n, max(month_to)::text as latest from police_crime_import`,
    ),
  ]);

  const byStore = new Map<string, { shoplifting: number; crimes: number }>();
  for (const r of perStoreMonth) {
    const t = byStore.get(r.code) ?? { shoplifting: 0, crimes: 0 };
    t.shoplifting += r.shoplifting;
    t.crimes += r.crimes;
    byStore.set(r.code, t);
  }
  return {
    radiusMetres: LOCAL_RADIUS_METRES,
    months,
    monthsCovered: [...new Set(perStoreMonth.map((r) => r.month))].sort(),
    anyImported: (imports[0]?.n ?? 0) > 0,
    latestImportedMonth: imports[0]?.latest ?? null,
    // Town centres always have some recorded crime within a kilometre in a month, so none at all
    // means the files imported do not cover this store's force area: say "no data", not zero.
    stores: scope.stores.map((s) => {
      const t = byStore.get(s.code);
      return { code: s.code, shoplifting: t && t.crimes > 0 ? t.shoplifting : null };
    }),
    points: points.map(({ month, lat, lng }) => ({ month, lat, lng })),
    pointsTotal: points[0]?.total ?? 0,
    attribution: OGL_ATTRIBUTION,
  };
}
