// Straightforward SQL over incident and alert: what every insight verb must equal.
import { sql } from 'drizzle-orm';
import type { IncidentType } from '@/lib/domain/enums';
import { db } from '../../support/fixtures';

const ids = (storeIds: string[]) => sql`${sql.param(`{${storeIds.join(',')}}`)}::uuid[]`;
const typesParam = (types: readonly IncidentType[]) => sql`${sql.param(`{${types.join(',')}}`)}::text[]`;
const local = sql`(i.occurred_at at time zone s.timezone)`;

async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db().execute(query)) as unknown as T[];
}

export async function truthTotals(storeIds: string[], from: string, to: string, types: readonly IncidentType[]) {
  type Totals = {
    incidents: number;
    loss: number;
    recovered: number;
    confirmed: number;
    unfounded: number;
    referred: number;
    closed: number;
    triage: number | null;
  };
  const [row] = await q<Totals>(sql`
    select count(*)::float8 as incidents, coalesce(sum(loss_pence), 0)::float8 as loss, coalesce(sum(recovered_pence), 0)::float8 as recovered,
      count(*) filter (where status = 'confirmed')::float8 as confirmed, count(*) filter (where status = 'unfounded')::float8 as unfounded,
      count(*) filter (where status = 'referred_to_police')::float8 as referred, count(*) filter (where status = 'closed')::float8 as closed,
      avg(greatest(0, round(extract(epoch from triaged_at - reported_at)))) filter (where triaged_at is not null)::float8 as triage
    from incident i join store s on s.id = i.store_id
    where i.store_id = any(${ids(storeIds)}) and ${local}::date between ${from}::date and ${to}::date and i.type::text = any(${typesParam(types)})`);
  return row!;
}

export async function truthByDayType(storeIds: string[], from: string, to: string, types: readonly IncidentType[]) {
  return q<{ day: string; type: IncidentType; n: number }>(sql`
    select ${local}::date::text as day, i.type::text as type, count(*)::float8 as n
    from incident i join store s on s.id = i.store_id
    where i.store_id = any(${ids(storeIds)}) and ${local}::date between ${from}::date and ${to}::date and i.type::text = any(${typesParam(types)})
    group by 1, 2`);
}

export async function truthHeat(storeIds: string[], from: string, to: string, types: readonly IncidentType[]) {
  const got = await q<{ dow: number; hour: number; n: number }>(sql`
    select extract(isodow from ${local})::int as dow, extract(hour from ${local})::int as hour, count(*)::float8 as n
    from incident i join store s on s.id = i.store_id
    where i.store_id = any(${ids(storeIds)}) and ${local}::date between ${from}::date and ${to}::date and i.type::text = any(${typesParam(types)})
    group by 1, 2`);
  const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const g of got) cells[g.dow - 1]![g.hour] = g.n;
  return cells;
}

export async function truthCategories(storeIds: string[], from: string, to: string, types: readonly IncidentType[]) {
  return q<{ category: string; incidents: number; lossPence: number }>(sql`
    select c.category, count(*)::float8 as incidents, sum(i.loss_pence)::float8 as "lossPence"
    from incident i join store s on s.id = i.store_id cross join lateral unnest(i.goods_categories) as c(category)
    where i.store_id = any(${ids(storeIds)}) and ${local}::date between ${from}::date and ${to}::date and i.type::text = any(${typesParam(types)})
    group by 1 order by 1`);
}

export async function truthPerStore(storeIds: string[], from: string, to: string, types: readonly IncidentType[]) {
  return q<{ code: string; n: number; loss: number }>(sql`
    select s.code, count(i.id)::float8 as n, coalesce(sum(i.loss_pence), 0)::float8 as loss
    from store s left join incident i on i.store_id = s.id and ${local}::date between ${from}::date and ${to}::date and i.type::text = any(${typesParam(types)})
    where s.id = any(${ids(storeIds)}) group by 1 order by 1`);
}

export async function truthAlerts(storeIds: string[], from: string, to: string) {
  const [row] = await q<{ alerts: number; mtta: number | null; mttr: number | null }>(sql`
    select count(*)::int as alerts,
      avg(greatest(0, round(extract(epoch from a.acknowledged_at - a.created_at)))) filter (where a.acknowledged_at is not null)::float8 as mtta,
      avg(greatest(0, round(extract(epoch from a.resolved_at - a.created_at)))) filter (where a.resolved_at is not null)::float8 as mttr
    from alert a join store s on s.id = a.store_id
    where a.store_id = any(${ids(storeIds)}) and (a.created_at at time zone s.timezone)::date between ${from}::date and ${to}::date`);
  return row!;
}

export async function truthHourCounts(storeId: string, from: string, to: string) {
  const got = await q<{ dow: number; hour: number; n: number }>(sql`
    select extract(isodow from ${local})::int as dow, extract(hour from ${local})::int as hour, count(*)::float8 as n
    from incident i join store s on s.id = i.store_id
    where i.store_id = ${storeId} and ${local}::date between ${from}::date and ${to}::date group by 1, 2`);
  const counts = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const g of got) counts[g.dow - 1]![g.hour] = g.n;
  return counts;
}
