// Anomaly rules: each store's (or till operator's) last-24-hour count against its
// own daily history and its peers. Rates need a day of data to mean anything, so
// these run on a schedule (every 15 minutes) rather than per ingested batch.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alertRules } from '@/db/schema';
import { announceAlert } from '@/lib/alerts/raise-alert';
import type { AlertRule } from './applicable-rules';
import { judgeDay } from './anomaly';
import { anomalyCondition } from './conditions';
import { raiseUnlessSuppressed } from './raise-unless-suppressed';

export const HISTORY_DAYS = 28;
/** An anomaly stays one alert for at least this long, whatever the rule says. */
const MIN_ANOMALY_SUPPRESSION_S = 6 * 3600;

type ScopeRule = Pick<AlertRule, 'scopeType' | 'storeId' | 'regionId'>;

/** Daily counts per subject, grouped by store (operators are compared within their store). */
export async function dailySeries(db: DbOrTx, rule: ScopeRule, condition: unknown, days: number, now = new Date()) {
  const c = anomalyCondition.parse(condition);
  const scope =
    rule.scopeType === 'store' ? sql`s.id = ${rule.storeId}` : rule.scopeType === 'region' ? sql`s.region_id = ${rule.regionId}` : sql`true`;
  const inScope = (await db.execute(sql`select s.id from store s where ${scope}`)) as unknown as { id: string }[];
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = (
    c.subject === 'store'
      ? await db.execute(sql`
          select e.store_id as grp, e.store_id::text as subject, floor(extract(epoch from (${now.toISOString()}::timestamptz - e.occurred_at)) / 86400)::int as day, count(*)::int as n
          from security_event e join store s on s.id = e.store_id
          where ${scope} and e.type = ${c.eventType} and e.occurred_at > ${since.toISOString()}::timestamptz and e.occurred_at <= ${now.toISOString()}::timestamptz
          group by 1, 2, 3`)
      : await db.execute(sql`
          select t.store_id as grp, t.operator_pseudo as subject, floor(extract(epoch from (${now.toISOString()}::timestamptz - t.occurred_at)) / 86400)::int as day, count(*)::int as n
          from pos_transaction t join store s on s.id = t.store_id
          where ${scope} and t.operator_pseudo is not null and (t.type::text = ${c.eventType} or ${c.eventType} = any(t.flags))
            and t.occurred_at > ${since.toISOString()}::timestamptz and t.occurred_at <= ${now.toISOString()}::timestamptz
          group by 1, 2, 3`)
  ) as unknown as { grp: string; subject: string; day: number; n: number }[];

  const groups = new Map<string, Map<string, number[]>>();
  const series = (grp: string, subject: string) => {
    const g = groups.get(grp) ?? new Map<string, number[]>();
    groups.set(grp, g);
    const s = g.get(subject) ?? Array.from({ length: days }, () => 0);
    g.set(subject, s);
    return s;
  };
  // Stores are peers of each other even on a day one of them had nothing.
  if (c.subject === 'store') for (const s of inScope) series('all', s.id);
  for (const r of rows) {
    if (r.day >= 0 && r.day < days) series(c.subject === 'store' ? 'all' : r.grp, r.subject)[r.day] = r.n;
  }
  return { condition: c, groups };
}

/** Judges the last 24 hours for every anomaly rule and raises (suppressed) alerts. */
export async function evaluateAnomalyRules(db: DbOrTx, now = new Date()): Promise<number> {
  const rules = await db.select().from(alertRules).where(eq(alertRules.kind, 'anomaly'));
  let raised = 0;
  for (const rule of rules.filter((r) => r.enabled)) {
    const parsed = anomalyCondition.safeParse(rule.condition);
    if (!parsed.success) continue;
    const { condition, groups } = await dailySeries(db, rule, parsed.data, HISTORY_DAYS + 1, now);
    for (const [grp, series] of groups) {
      for (const subject of series.keys()) {
        const verdict = judgeDay(series, subject, 0, condition, HISTORY_DAYS);
        if (!verdict.fires) continue;
        const storeId = condition.subject === 'store' ? subject : grp;
        const alert = await raiseUnlessSuppressed(
          db,
          { ...rule, suppressionSeconds: Math.max(rule.suppressionSeconds, MIN_ANOMALY_SUPPRESSION_S) },
          {
            storeId,
            zoneId: null,
            source: condition.subject === 'operator' ? 'pos' : 'camera',
            triggeringEventIds: [],
            detail: { reason: verdict.reason, zSelf: verdict.zSelf, zPeers: verdict.zPeers, ...(condition.subject === 'operator' ? { operator: subject } : {}) },
          },
        );
        if (alert) {
          raised++;
          await announceAlert(db, alert, rule.escalationDelaySeconds);
        }
      }
    }
  }
  return raised;
}
