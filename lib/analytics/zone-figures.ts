// Zones of one store (the drill-down): incidents per zone now, before, and against the zone's own
// 12-week history. One store's incidents are few (thousands a year), so this reads incident
// directly through incident_store_occurred_idx rather than keeping a zone rollup.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { Invalid } from '@/lib/errors';
import { addDays } from './filters';
import { insightContext, rows } from './query';
import { historyDaysFor } from './store-figures';
import { HOTSPOT_RULES } from './hotspots';
import { poissonUpperTail } from './statistics';

export async function zoneFigures(db: DbOrTx, actor: Actor, raw: unknown, today?: string) {
  const { period, scope, types, filters } = await insightContext(db, actor, raw, today);
  if (!filters.store || scope.stores.length !== 1) throw new Invalid('Choose one store to see its zones.');
  const store = scope.stores[0]!;
  const historyDays = historyDaysFor(period.days);
  const histFrom = addDays(period.from, -historyDays);
  const local = sql`(i.occurred_at at time zone ${store.timezone})::date`;
  const got = await rows<{ zone: string; kind: string | null; cur: number; prev: number; hist: number; loss: number }>(
    db,
    sql`select coalesce(z.name, 'No zone given') as zone, z.kind::text as kind,
          count(*) filter (where ${local} between ${period.from}::date and ${period.to}::date)::int as cur,
          count(*) filter (where ${local} between ${period.previous.from}::date and ${period.previous.to}::date)::int as prev,
          count(*) filter (where ${local} between ${histFrom}::date and ${addDays(period.from, -1)}::date)::int as hist,
          coalesce(sum(i.loss_pence) filter (where ${local} between ${period.from}::date and ${period.to}::date), 0)::float8 as loss
        from incident i left join zone z on z.id = i.zone_id
        where i.store_id = ${store.id}
          and i.occurred_at >= (${histFrom}::date - 1)::timestamptz and i.occurred_at < (${period.to}::date + 2)::timestamptz
          and i.type::text = any(${sql.param(`{${types.join(',')}}`)}::text[])
        group by 1, 2`,
  );
  const zones = got
    .map((z) => {
      const expected = (z.hist * period.days) / historyDays;
      const p = poissonUpperTail(z.cur, expected);
      const hotspot =
        z.cur >= HOTSPOT_RULES.minCount &&
        expected > 0 &&
        p <= HOTSPOT_RULES.historyP &&
        z.cur >= HOTSPOT_RULES.historyRatio * expected;
      return {
        zone: z.zone,
        kind: z.kind,
        incidents: z.cur,
        previousIncidents: z.prev,
        lossPence: z.loss,
        expectedFromHistory: expected,
        historyP: p,
        hotspot,
        reason: hotspot
          ? `${z.cur} incidents where its own history predicts ${expected.toFixed(1)} (Poisson ${p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`})`
          : null,
      };
    })
    .filter((z) => z.incidents > 0 || z.previousIncidents > 0)
    .sort((a, b) => b.incidents - a.incidents || a.zone.localeCompare(b.zone));
  return { period, store: { code: store.code, name: store.name }, zones };
}
