// Per-store figures for the map, the store table and the hotspot flags (see hotspots.ts).
// Always at store grain: each store's own rows, for the stores in the actor's view.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { addDays } from './filters';
import { classifyHotspots, HOTSPOT_RULES } from './hotspots';
import { daySource, insightContext, rows, typeSum } from './query';
import { storeUnitWhere } from './scope';

/** Own-history window: the 12 weeks before the period, or the previous equal period when longer. */
export const historyDaysFor = (periodDays: number) => Math.max(84, periodDays);

export async function storeFigures(db: DbOrTx, actor: Actor, raw: unknown, today?: string) {
  const { period, scope, types } = await insightContext(db, actor, raw, today);
  const historyDays = historyDaysFor(period.days);
  const recentFrom = addDays(period.to, -(HOTSPOT_RULES.recentDays - 1));
  const hist = [addDays(period.from, -historyDays), addDays(period.from, -1)] as const;
  const windows = {
    cur: [period.from, period.to],
    prev: [period.previous.from, period.previous.to],
    hist,
    recent: [recentFrom, period.to],
    base: [addDays(recentFrom, -HOTSPOT_RULES.baselineDays), addDays(recentFrom, -1)],
  } as const;
  // For periods of 12 weeks or more the history window is the previous period: read it once.
  const sameHistory = hist[0] === windows.prev[0] && hist[1] === windows.prev[1];
  const where = storeUnitWhere(scope);
  // One query per window, run side by side on the pool (each is an index range scan).
  const perWindow = await Promise.all(
    Object.entries(windows)
      .filter(([w]) => !(sameHistory && w === 'hist'))
      .map(([w, [from, to]]) =>
        rows<{ w: keyof typeof windows; store_id: string; n: number; loss: number }>(
          db,
          sql`select ${w}::text as w, r.unit_id::text as store_id, sum(${typeSum('n', types)})::float8 as n, sum(${typeSum('loss', types)})::float8 as loss
            from ${daySource(where, from, to, { measures: ['n', 'loss'] })} r group by r.unit_id`,
        ),
      ),
  );
  const got = perWindow.flat();
  if (sameHistory) for (const g of got.filter((x) => x.w === 'prev')) got.push({ ...g, w: 'hist' });
  const byKey = new Map(got.map((g) => [`${g.w}:${g.store_id}`, g]));
  const value = (store: string, w: keyof typeof windows, col: 'n' | 'loss' = 'n') =>
    byKey.get(`${w}:${store}`)?.[col] ?? 0;
  const flags = classifyHotspots(
    scope.stores.map((s) => ({
      key: s.id,
      count: value(s.id, 'cur'),
      historyCount: value(s.id, 'hist'),
      recentCount: value(s.id, 'recent'),
      baselineCount: value(s.id, 'base'),
    })),
    period.days,
    historyDays,
  );
  return {
    period,
    historyDays,
    stores: scope.stores.map((s, i) => {
      const { key: _key, ...flag } = flags[i]!;
      return {
        code: s.code,
        name: s.name,
        regionCode: s.regionCode,
        regionName: s.regionName,
        lat: s.lat,
        lng: s.lng,
        incidents: value(s.id, 'cur'),
        previousIncidents: value(s.id, 'prev'),
        lossPence: value(s.id, 'cur', 'loss'),
        ...flag,
      };
    }),
  };
}
