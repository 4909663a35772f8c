// "How many incidents, of which kinds, over time?" with the previous period's totals alongside.
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { insightContext } from './query';
import { measureSeries } from './series';

export async function incidentTrend(db: DbOrTx, actor: Actor, raw: unknown, today?: string) {
  const { period, scope, types } = await insightContext(db, actor, raw, today);
  const [current, previous] = await Promise.all([
    measureSeries(db, scope, types, { from: period.from, to: period.to, bucket: period.bucket }),
    measureSeries(db, scope, types, { ...period.previous, bucket: period.bucket }),
  ]);
  return {
    period,
    types,
    buckets: current.map((c, i) => ({
      bucket: c.bucket,
      total: c.n,
      byType: c.byType,
      previousTotal: previous[i]?.n ?? null,
    })),
    total: current.reduce((s, c) => s + c.n, 0),
    previousTotal: previous.reduce((s, c) => s + c.n, 0),
  };
}
