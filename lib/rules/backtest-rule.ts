// "How often would this rule have fired?" — answered by one query over the last 30
// days of stored events, not by replaying them. Suppression is approximated by
// counting a firing only when the previous firing at that store is older than the
// suppression window (a burst longer than the window counts once).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { stores } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { correlationCondition, posExceptionCondition, thresholdCondition } from './conditions';
import { judgeDay } from './anomaly';
import { dailySeries, HISTORY_DAYS } from './evaluate-anomaly-rules';
import { parseRule, resolveRuleScope } from './save-rule';

export type Backtest = {
  days: number;
  total: number;
  perDay: number;
  byStore: { storeCode: string; storeName: string; fires: number }[];
  note?: string;
};

const DAYS = 30;

/** Anomaly rules are judged day by day with the same function the live scoring uses. */
async function backtestAnomaly(db: DbOrTx, scope: Awaited<ReturnType<typeof resolveRuleScope>>, condition: unknown): Promise<Backtest> {
  const { condition: c, groups } = await dailySeries(db, scope, condition, DAYS + HISTORY_DAYS);
  const fires = new Map<string, number>();
  for (const [grp, series] of groups) {
    for (const subject of series.keys()) {
      for (let day = 0; day < DAYS; day++) {
        if (!judgeDay(series, subject, day, c, HISTORY_DAYS).fires) continue;
        const storeId = c.subject === 'store' ? subject : grp;
        fires.set(storeId, (fires.get(storeId) ?? 0) + 1);
      }
    }
  }
  const names = await db.select({ id: stores.id, code: stores.code, name: stores.name }).from(stores);
  const byStore = [...fires.entries()]
    .map(([id, n]) => {
      const s = names.find((x) => x.id === id);
      return { storeCode: s?.code ?? '?', storeName: s?.name ?? '?', fires: n };
    })
    .sort((a, b) => b.fires - a.fires || a.storeCode.localeCompare(b.storeCode));
  const total = byStore.reduce((sum, r) => sum + r.fires, 0);
  return { days: DAYS, total, perDay: Math.round((total / DAYS) * 10) / 10, byStore, note: 'Counted as days on which a store or operator was anomalous.' };
}

export async function backtestRule(db: DbOrTx, actor: Actor, raw: unknown): Promise<Backtest> {
  assertCan(actor, 'rule.manage');
  const rule = parseRule(raw);
  const scope = await resolveRuleScope(db, actor, rule.scope, rule.scopeCode);
  const storeFilter =
    scope.scopeType === 'store'
      ? sql`s.id = ${scope.storeId}`
      : scope.scopeType === 'region'
        ? sql`s.region_id = ${scope.regionId}`
        : sql`true`;
  const since = sql`now() - make_interval(days => ${DAYS})`;
  const suppression = rule.suppressionSeconds;
  let firings: ReturnType<typeof sql> | null = null;

  if (rule.kind === 'threshold') {
    const c = thresholdCondition.parse(rule.condition);
    const partition = c.perZone ? sql`e.store_id, e.zone_id` : sql`e.store_id`;
    firings = sql`
      with ev as (
        select e.store_id, e.occurred_at,
               count(*) over (partition by ${partition} order by e.occurred_at
                 range between make_interval(secs => ${c.windowSeconds}) preceding and current row) as n
        from security_event e join store s on s.id = e.store_id
        where ${storeFilter} and e.type = ${c.eventType} and e.occurred_at >= ${since}
      )
      select store_id, occurred_at from ev where n >= ${c.count}`;
  } else if (rule.kind === 'correlation') {
    const c = correlationCondition.parse(rule.condition);
    firings = sql`
      select a.store_id, a.occurred_at
      from security_event a join store s on s.id = a.store_id
      where ${storeFilter} and a.type in (${c.firstType}, ${c.secondType}) and a.occurred_at >= ${since}
        and exists (
          select 1 from security_event b
          where b.store_id = a.store_id and b.id <> a.id
            and b.type = case when a.type = ${c.firstType} then ${c.secondType} else ${c.firstType} end
            and b.occurred_at between a.occurred_at - make_interval(secs => ${c.withinSeconds}) and a.occurred_at + make_interval(secs => ${c.withinSeconds})
            and (${!c.sameZone} or b.zone_id is not distinct from a.zone_id))`;
  } else if (rule.kind === 'pos_exception') {
    const c = posExceptionCondition.parse(rule.condition);
    const match =
      c.pattern === 'refund_without_receipt'
        ? sql`t.type = 'return' and 'no_receipt' = any(t.flags) and abs(t.total_pence) >= ${c.minPence ?? 0}`
        : c.pattern === 'voids_per_operator'
          ? sql`(t.type in ('void', 'line_void') or 'line_void' = any(t.flags))`
          : c.pattern === 'no_sales_per_operator'
            ? sql`t.type = 'no_sale'`
            : c.pattern === 'price_overrides_per_operator'
              ? sql`(t.type = 'price_override' or 'price_override' = any(t.flags))`
              : sql`t.type = 'return' and t.card_pseudo is not null`;
    if (c.pattern === 'refund_without_receipt') {
      firings = sql`select t.store_id, t.occurred_at from pos_transaction t join store s on s.id = t.store_id where ${storeFilter} and t.occurred_at >= ${since} and ${match}`;
    } else {
      const key = c.pattern === 'refunds_same_card' ? sql`t.card_pseudo` : sql`t.operator_pseudo`;
      firings = sql`
        with tx as (
          select t.store_id, t.occurred_at,
                 count(*) over (partition by t.store_id, ${key} order by t.occurred_at
                   range between make_interval(secs => ${c.windowSeconds ?? 8 * 3600}) preceding and current row) as n
          from pos_transaction t join store s on s.id = t.store_id
          where ${storeFilter} and t.occurred_at >= ${since} and ${key} is not null and ${match}
        )
        select store_id, occurred_at from tx where n >= ${c.count ?? 3}`;
    }
  }
  if (rule.kind === 'anomaly') return backtestAnomaly(db, scope, rule.condition);
  if (!firings) return { days: DAYS, total: 0, perDay: 0, byStore: [] };

  const rows = (await db.execute(sql`
    with f as (${firings}),
    spaced as (
      select store_id, occurred_at, lag(occurred_at) over (partition by store_id order by occurred_at) as prev from f
    )
    select s.code as "storeCode", s.name as "storeName", count(*)::int as fires
    from spaced join ${stores} s on s.id = spaced.store_id
    where prev is null or occurred_at - prev > make_interval(secs => ${suppression})
    group by s.code, s.name
    order by fires desc, s.code`)) as unknown as { storeCode: string; storeName: string; fires: number }[];
  const total = rows.reduce((sum, r) => sum + r.fires, 0);
  return { days: DAYS, total, perDay: Math.round((total / DAYS) * 10) / 10, byStore: rows };
}
