// Safety net for the insight rollups. Triggers keep them exact at every commit; this compares
// per-store checksums (count, loss, recovered, confirmed) of incident with the store rows of
// insight_month, and alert counts with insight_alert_day, and rebuilds everything on any drift
// (e.g. after a bulk load that bypassed triggers). Runs nightly from workers/insight-rollups.ts.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

export async function reconcileInsightRollups(db: DbOrTx): Promise<{ drifted: number; rebuilt: boolean }> {
  const drift = (await db.execute(sql`
    with truth as (
      select store_id as id, count(*)::bigint as n, sum(loss_pence)::bigint as loss, sum(recovered_pence)::bigint as rec,
        count(*) filter (where status = 'confirmed')::bigint as conf
      from incident group by 1
    ), rolled as (
      select unit_id as id, sum(c.n)::bigint as n, sum(c.loss)::bigint as loss, sum(c.rec)::bigint as rec, sum(c.conf)::bigint as conf
      from insight_month m
      cross join lateral (select (select sum(x) from unnest(m.n) x) as n, (select sum(x) from unnest(m.loss) x) as loss,
        (select sum(x) from unnest(m.recovered) x) as rec, (select sum(x) from unnest(m.confirmed) x) as conf) c
      where m.unit = 's' group by 1
    ), alerts_truth as (select store_id as id, count(*)::bigint as n from alert group by 1),
    alerts_rolled as (select unit_id as id, sum(alerts)::bigint as n from insight_alert_day where unit = 's' group by 1)
    select count(*)::int as drifted from (
      select id from truth full join rolled using (id)
        where coalesce(truth.n, 0) <> coalesce(rolled.n, 0) or coalesce(truth.loss, 0) <> coalesce(rolled.loss, 0)
          or coalesce(truth.rec, 0) <> coalesce(rolled.rec, 0) or coalesce(truth.conf, 0) <> coalesce(rolled.conf, 0)
      union
      select id from alerts_truth full join alerts_rolled using (id) where coalesce(alerts_truth.n, 0) <> coalesce(alerts_rolled.n, 0)
    ) d`)) as unknown as { drifted: number }[];
  const drifted = drift[0]?.drifted ?? 0;
  if (drifted > 0) await db.execute(sql`select insight_rebuild()`);
  return { drifted, rebuilt: drifted > 0 };
}
