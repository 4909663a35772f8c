// "What did we lose, and get back?": £ loss and recovered per bucket, and the estimated saving:
// the previous period's net loss minus this period's (positive = we lost less).
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { insightContext } from './query';
import { measureSeries, measureTotals } from './series';

export async function lossTrend(db: DbOrTx, actor: Actor, raw: unknown, today?: string) {
  const { period, scope, types } = await insightContext(db, actor, raw, today);
  const [series, cur, prev] = await Promise.all([
    measureSeries(db, scope, types, { from: period.from, to: period.to, bucket: period.bucket }),
    measureTotals(db, scope, types, period.from, period.to),
    measureTotals(db, scope, types, period.previous.from, period.previous.to),
  ]);
  const net = (m: { loss: number; recovered: number }) => m.loss - m.recovered;
  return {
    period,
    buckets: series.map((s) => ({
      bucket: s.bucket,
      lossPence: s.loss,
      recoveredPence: s.recovered,
      netLossPence: net(s),
    })),
    current: { lossPence: cur.loss, recoveredPence: cur.recovered, netLossPence: net(cur) },
    previous: { lossPence: prev.loss, recoveredPence: prev.recovered, netLossPence: net(prev) },
    estimatedSavingPence: net(prev) - net(cur),
  };
}
