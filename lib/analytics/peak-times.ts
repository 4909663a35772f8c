// "When do incidents happen?": weekday × hour in store-local time (Europe/London for UK stores).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { insightContext, rows, typeSum } from './query';
import { unitWhere } from './scope';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export async function peakTimes(db: DbOrTx, actor: Actor, raw: unknown, today?: string) {
  const { period, scope, types } = await insightContext(db, actor, raw, today);
  const grid = async (from: string, to: string) => {
    const got = await rows<{ dow: number; hour: number; n: number }>(
      db,
      sql`select extract(isodow from r.day)::int as dow, r.hour::int as hour, sum(${typeSum('n', types)})::float8 as n
          from insight_hour r where ${unitWhere(scope)} and r.day between ${from}::date and ${to}::date group by 1, 2`,
    );
    const cells = WEEKDAYS.map(() => Array.from({ length: 24 }, () => 0));
    for (const g of got) cells[g.dow - 1]![g.hour] = g.n;
    return cells;
  };
  const [cells, previous] = await Promise.all([
    grid(period.from, period.to),
    grid(period.previous.from, period.previous.to),
  ]);
  const total = cells.flat().reduce((a, b) => a + b, 0);
  let busiest = { dow: 0, hour: 0, n: 0 };
  cells.forEach((row, dow) => row.forEach((n, hour) => n > busiest.n && (busiest = { dow, hour, n })));
  const previousBusiest = previous[busiest.dow]![busiest.hour]!;
  return { period, cells, total, previousTotal: previous.flat().reduce((a, b) => a + b, 0), busiest, previousBusiest };
}
