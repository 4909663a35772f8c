// Shared SQL building blocks for the insight verbs: the verb context (filters, period, scope),
// type-filtered sums over the rollups' per-type arrays, and the day/month source for a range.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { INCIDENT_TYPES, type IncidentType } from '@/lib/domain/enums';
import { parseInput } from '@/lib/errors';
import {
  addDays,
  type InsightFilters,
  insightFiltersSchema,
  monthStart,
  nextMonthStart,
  type Period,
  resolvePeriod,
  selectedTypes,
} from './filters';
import { type InsightScope, resolveInsightScope, unitWhere } from './scope';

export type InsightContext = { filters: InsightFilters; period: Period; scope: InsightScope; types: IncidentType[] };

/** Every verb starts here: validate the filters, then check role and scope (Forbidden / NotFound). */
export async function insightContext(db: DbOrTx, actor: Actor, raw: unknown, today?: string): Promise<InsightContext> {
  const filters = parseInput(insightFiltersSchema, raw ?? {});
  const scope = await resolveInsightScope(db, actor, filters);
  return { filters, period: resolvePeriod(filters, today), scope, types: selectedTypes(filters) };
}

export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

export type DayMeasure =
  'n' | 'loss' | 'recovered' | 'confirmed' | 'unfounded' | 'referred' | 'closed' | 'triaged' | 'triage_seconds';
export const DAY_MEASURES: DayMeasure[] = [
  'n',
  'loss',
  'recovered',
  'confirmed',
  'unfounded',
  'referred',
  'closed',
  'triaged',
  'triage_seconds',
];

const typeIndex = (t: IncidentType) => INCIDENT_TYPES.indexOf(t) + 1;

/** The sum of a per-type array column over the chosen types, e.g. (coalesce(r.n[1],0) + coalesce(r.n[4],0)). */
export function typeSum(col: DayMeasure, types: readonly IncidentType[], alias = 'r'): SQL {
  if (types.length === 0) return sql.raw('0');
  return sql.raw(`(${types.map((t) => `coalesce(${alias}.${col}[${typeIndex(t)}], 0)`).join(' + ')})`);
}

/** One element of a per-type array column. */
export const typeElem = (col: DayMeasure, t: IncidentType, alias = 'r') =>
  sql.raw(`coalesce(${alias}.${col}[${typeIndex(t)}], 0)`);

type Where = Pick<InsightScope, 'regionIds' | 'storeIds'>;

/**
 * Rollup rows covering the local days [from, to] with a `d` date column: whole calendar months
 * come from insight_month, the partial months at either end from insight_day. A year then reads
 * 12 month rows plus at most ~60 day rows per unit instead of 365.
 */
export function daySource(
  where: Where | SQL,
  from: string,
  to: string,
  opts: { months?: boolean; measures?: DayMeasure[] } = {},
): SQL {
  // Naming only the measures needed lets per-store queries use the covering (n, loss) indexes.
  const cols = sql.raw((opts.measures ?? DAY_MEASURES).map((c) => `r.${c}`).join(', '));
  const w = (alias: string) => ('regionIds' in where ? unitWhere(where, alias) : where);
  const useMonths = opts.months ?? true;
  const fullStart = from === monthStart(from) ? from : nextMonthStart(from);
  // If `to` is a month's last day its month is whole; otherwise that month is partial.
  const fullEnd = monthStart(addDays(to, 1));
  if (!useMonths || fullStart >= fullEnd) {
    return sql`(select r.unit, r.unit_id, r.day as d, ${cols} from insight_day r where ${w('r')} and r.day between ${from}::date and ${to}::date)`;
  }
  return sql`(
    select r.unit, r.unit_id, r.month as d, ${cols} from insight_month r
      where ${w('r')} and r.month >= ${fullStart}::date and r.month < ${fullEnd}::date
    union all
    -- The partial months at either end, as two plain day ranges (an OR of the two made
    -- the planner walk the whole period by day).
    select r.unit, r.unit_id, r.day as d, ${cols} from insight_day r
      where ${w('r')} and r.day >= ${from}::date and r.day < ${fullStart}::date
    union all
    select r.unit, r.unit_id, r.day as d, ${cols} from insight_day r
      where ${w('r')} and r.day >= ${fullEnd}::date and r.day <= ${to}::date
  )`;
}

/** Bucket expression over the `d` column. */
export function bucketExpr(bucket: Period['bucket'], alias = 'r'): SQL {
  const a = sql.raw(alias);
  if (bucket === 'day') return sql`${a}.d::text`;
  if (bucket === 'week') return sql`date_trunc('week', ${a}.d)::date::text`;
  return sql`date_trunc('month', ${a}.d)::date::text`;
}

/** Mean of a total over a count, or null when nothing was counted. */
export const mean = (total: number, count: number) => (count > 0 ? total / count : null);

/** Relative change (0.12 = +12 %), or null when there is nothing to compare with. */
export const change = (current: number, previous: number) => (previous > 0 ? (current - previous) / previous : null);
