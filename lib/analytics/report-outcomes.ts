// "What happened to what was reported?": confirmed, unfounded, referred to police, closed, still open.
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { insightContext } from './query';
import { measureSeries, measureTotals } from './series';

const shape = (m: { n: number; confirmed: number; unfounded: number; referred: number; closed: number }) => ({
  reported: m.n,
  confirmed: m.confirmed,
  unfounded: m.unfounded,
  referred: m.referred,
  closed: m.closed,
  open: Math.max(0, m.n - m.confirmed - m.unfounded - m.referred - m.closed),
});

export async function reportOutcomes(db: DbOrTx, actor: Actor, raw: unknown, today?: string) {
  const { period, scope, types } = await insightContext(db, actor, raw, today);
  const [series, current, previous] = await Promise.all([
    measureSeries(db, scope, types, { from: period.from, to: period.to, bucket: period.bucket }),
    measureTotals(db, scope, types, period.from, period.to),
    measureTotals(db, scope, types, period.previous.from, period.previous.to),
  ]);
  return {
    period,
    buckets: series.map((s) => ({ bucket: s.bucket, ...shape(s) })),
    current: shape(current),
    previous: shape(previous),
  };
}
