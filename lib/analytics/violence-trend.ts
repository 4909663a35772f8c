// "Is violence and abuse against staff rising?": the figure retailers report to government.
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { VIOLENCE_TYPES } from './filters';
import { insightContext } from './query';
import { measureSeries } from './series';

export async function violenceTrend(db: DbOrTx, actor: Actor, raw: unknown, today?: string) {
  const { period, scope, types } = await insightContext(db, actor, raw, today);
  const violent = types.filter((t) => VIOLENCE_TYPES.includes(t));
  const [current, previous] = await Promise.all([
    measureSeries(db, scope, violent, { from: period.from, to: period.to, bucket: period.bucket }),
    measureSeries(db, scope, violent, { ...period.previous, bucket: period.bucket }),
  ]);
  return {
    period,
    types: violent,
    buckets: current.map((c, i) => ({
      bucket: c.bucket,
      total: c.n,
      byType: Object.fromEntries(violent.map((t) => [t, c.byType[t]])) as Record<string, number>,
      previousTotal: previous[i]?.n ?? null,
    })),
    total: current.reduce((s, c) => s + c.n, 0),
    previousTotal: previous.reduce((s, c) => s + c.n, 0),
  };
}
