// Per-bucket sums of every incident measure and of alert response times: the data behind the
// trend, outcome, loss, violence and response-time charts.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { INCIDENT_TYPES, type IncidentType } from '@/lib/domain/enums';
import { type Bucket, bucketStarts } from './filters';
import { bucketExpr, DAY_MEASURES, type DayMeasure, daySource, rows, typeElem, typeSum } from './query';
import { type InsightScope, unitWhere } from './scope';

export type MeasureRow = Record<DayMeasure, number> & { bucket: string; byType: Record<IncidentType, number> };

export async function measureSeries(
  db: DbOrTx,
  scope: InsightScope,
  types: IncidentType[],
  range: { from: string; to: string; bucket: Bucket },
): Promise<MeasureRow[]> {
  const src = daySource(scope, range.from, range.to, { months: range.bucket === 'month' });
  const measures = sql.join(
    DAY_MEASURES.map((m) => sql`sum(${typeSum(m, types)})::float8 as ${sql.identifier(m)}`),
    sql`, `,
  );
  const perType = sql.join(
    types.map((t) => sql`sum(${typeElem('n', t)})::float8 as ${sql.identifier(`t_${t}`)}`),
    sql`, `,
  );
  const got = await rows<Record<string, number | string>>(
    db,
    sql`select ${bucketExpr(range.bucket)} as bucket, ${measures}${types.length ? sql`, ${perType}` : sql``}
        from ${src} r group by 1`,
  );
  const byBucket = new Map(got.map((g) => [String(g.bucket), g]));
  return bucketStarts(range.from, range.to, range.bucket).map((bucket) => {
    const g = byBucket.get(bucket);
    const row = { bucket, byType: {} as Record<IncidentType, number> } as MeasureRow;
    for (const m of DAY_MEASURES) row[m] = Number(g?.[m] ?? 0);
    for (const t of INCIDENT_TYPES) row.byType[t] = types.includes(t) ? Number(g?.[`t_${t}`] ?? 0) : 0;
    return row;
  });
}

export type AlertRow = {
  bucket: string;
  alerts: number;
  acknowledged: number;
  ackSeconds: number;
  resolved: number;
  resolveSeconds: number;
};

export async function alertSeries(
  db: DbOrTx,
  scope: InsightScope,
  range: { from: string; to: string; bucket: Bucket },
): Promise<AlertRow[]> {
  const bucket =
    range.bucket === 'day'
      ? sql`r.day::text`
      : range.bucket === 'week'
        ? sql`date_trunc('week', r.day)::date::text`
        : sql`date_trunc('month', r.day)::date::text`;
  const got = await rows<AlertRow>(
    db,
    sql`select ${bucket} as bucket, sum(r.alerts)::int as alerts, sum(r.acknowledged)::int as acknowledged,
          sum(r.ack_seconds)::float8 as "ackSeconds", sum(r.resolved)::int as resolved, sum(r.resolve_seconds)::float8 as "resolveSeconds"
        from insight_alert_day r where ${unitWhere(scope)} and r.day between ${range.from}::date and ${range.to}::date group by 1`,
  );
  const byBucket = new Map(got.map((g) => [g.bucket, g]));
  return bucketStarts(range.from, range.to, range.bucket).map(
    (b) => byBucket.get(b) ?? { bucket: b, alerts: 0, acknowledged: 0, ackSeconds: 0, resolved: 0, resolveSeconds: 0 },
  );
}

/** Totals over a whole range (one row). */
export async function measureTotals(db: DbOrTx, scope: InsightScope, types: IncidentType[], from: string, to: string) {
  const measures = sql.join(
    DAY_MEASURES.map((m) => sql`coalesce(sum(${typeSum(m, types)}), 0)::float8 as ${sql.identifier(m)}`),
    sql`, `,
  );
  const [row] = await rows<Record<DayMeasure, number>>(
    db,
    sql`select ${measures} from ${daySource(scope, from, to)} r`,
  );
  return row!;
}

export async function alertTotals(db: DbOrTx, scope: InsightScope, from: string, to: string) {
  const [row] = await rows<Omit<AlertRow, 'bucket'>>(
    db,
    sql`select coalesce(sum(r.alerts), 0)::int as alerts, coalesce(sum(r.acknowledged), 0)::int as acknowledged,
          coalesce(sum(r.ack_seconds), 0)::float8 as "ackSeconds", coalesce(sum(r.resolved), 0)::int as resolved,
          coalesce(sum(r.resolve_seconds), 0)::float8 as "resolveSeconds"
        from insight_alert_day r where ${unitWhere(scope)} and r.day between ${from}::date and ${to}::date`,
  );
  return row!;
}
