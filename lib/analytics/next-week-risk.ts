// "Where and when should we put a guard next week?" The seasonal baseline of forecast.ts per
// store, over the last 8 full weeks (today excluded), laid onto the next 7 dates.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { addDays, isoWeekday, localToday } from './filters';
import { busiestWindows, FORECAST_WEEKS, seasonalExpectation } from './forecast';
import { insightContext, rows, typeSum } from './query';
import { storeUnitWhere } from './scope';

export async function nextWeekRisk(db: DbOrTx, actor: Actor, raw: unknown, today = localToday()) {
  const { scope, types } = await insightContext(db, actor, raw, today);
  const from = addDays(today, -7 * FORECAST_WEEKS);
  const to = addDays(today, -1);
  const got = await rows<{ store_id: string; dow: number; hour: number; n: number }>(
    db,
    sql`select r.unit_id::text as store_id, extract(isodow from r.day)::int as dow, r.hour::int as hour, sum(${typeSum('n', types)})::float8 as n
        from insight_hour r where ${storeUnitWhere(scope)} and r.day between ${from}::date and ${to}::date
        group by 1, 2, 3`,
  );
  const dates = Array.from({ length: 7 }, (_, i) => addDays(today, i + 1));
  const emptyWeek = () => Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const countsByStore = new Map(scope.stores.map((s) => [s.id, emptyWeek()]));
  for (const g of got) countsByStore.get(g.store_id)![g.dow - 1]![g.hour] = g.n;
  const stores = scope.stores.map((s) => {
    const counts = countsByStore.get(s.id)!;
    const expected = seasonalExpectation(counts);
    const windows = busiestWindows(expected);
    const days = dates.map((date) => {
      const dow = isoWeekday(date) - 1;
      return { date, expected: expected[dow]!.reduce((a, b) => a + b, 0), window: windows[dow]! };
    });
    return {
      code: s.code,
      name: s.name,
      expectedWeek: days.reduce((a, d) => a + d.expected, 0),
      days,
      hourly: expected,
    };
  });
  // The slots to cover first: each store's busiest two hours on each day, highest first.
  const slots = stores
    .flatMap((s) =>
      s.days.map((d) => ({
        code: s.code,
        name: s.name,
        date: d.date,
        startHour: d.window.startHour,
        expected: d.window.expected,
      })),
    )
    .filter((x) => x.expected > 0)
    .sort((a, b) => b.expected - a.expected || a.date.localeCompare(b.date) || a.code.localeCompare(b.code))
    .slice(0, 12);
  return {
    basedOn: { from, to, weeks: FORECAST_WEEKS },
    dates,
    stores: stores.map(({ hourly: _h, ...s }) => s).sort((a, b) => b.expectedWeek - a.expectedWeek),
    slots,
  };
}
