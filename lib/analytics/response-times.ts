// "How fast do we respond?": time to triage (incidents), MTTA and MTTR (alerts), per bucket.
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { insightContext, mean } from './query';
import { alertSeries, alertTotals, measureSeries, measureTotals } from './series';

export async function responseTimes(db: DbOrTx, actor: Actor, raw: unknown, today?: string) {
  const { period, scope, types } = await insightContext(db, actor, raw, today);
  const range = { from: period.from, to: period.to, bucket: period.bucket };
  const [incidents, alerts, curI, prevI, curA, prevA] = await Promise.all([
    measureSeries(db, scope, types, range),
    alertSeries(db, scope, range),
    measureTotals(db, scope, types, period.from, period.to),
    measureTotals(db, scope, types, period.previous.from, period.previous.to),
    alertTotals(db, scope, period.from, period.to),
    alertTotals(db, scope, period.previous.from, period.previous.to),
  ]);
  const figures = (
    i: { triage_seconds: number; triaged: number },
    a: { ackSeconds: number; acknowledged: number; resolveSeconds: number; resolved: number; alerts: number },
  ) => ({
    triageSeconds: mean(i.triage_seconds, i.triaged),
    mttaSeconds: mean(a.ackSeconds, a.acknowledged),
    mttrSeconds: mean(a.resolveSeconds, a.resolved),
    alerts: a.alerts,
  });
  return {
    period,
    buckets: incidents.map((s, idx) => ({ bucket: s.bucket, ...figures(s, alerts[idx]!) })),
    current: figures(curI, curA),
    previous: figures(prevI, prevA),
  };
}
