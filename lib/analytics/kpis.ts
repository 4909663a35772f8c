// Headline figures for the period and the equal period before it.
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { VIOLENCE_TYPES } from './filters';
import { insightContext, mean } from './query';
import { alertTotals, measureTotals } from './series';

export type KpiTotals = {
  incidents: number;
  violence: number;
  lossPence: number;
  recoveredPence: number;
  netLossPence: number;
  confirmed: number;
  unfounded: number;
  referred: number;
  meanTriageSeconds: number | null;
  alerts: number;
  mttaSeconds: number | null;
  mttrSeconds: number | null;
};

export async function insightKpis(db: DbOrTx, actor: Actor, raw: unknown, today?: string) {
  const { period, scope, types } = await insightContext(db, actor, raw, today);
  const violenceTypes = types.filter((t) => VIOLENCE_TYPES.includes(t));
  const totals = async (from: string, to: string): Promise<KpiTotals> => {
    const [m, v, a] = await Promise.all([
      measureTotals(db, scope, types, from, to),
      violenceTypes.length ? measureTotals(db, scope, violenceTypes, from, to) : Promise.resolve({ n: 0 }),
      alertTotals(db, scope, from, to),
    ]);
    return {
      incidents: m.n,
      violence: v.n,
      lossPence: m.loss,
      recoveredPence: m.recovered,
      netLossPence: m.loss - m.recovered,
      confirmed: m.confirmed,
      unfounded: m.unfounded,
      referred: m.referred,
      meanTriageSeconds: mean(m.triage_seconds, m.triaged),
      alerts: a.alerts,
      mttaSeconds: mean(a.ackSeconds, a.acknowledged),
      mttrSeconds: mean(a.resolveSeconds, a.resolved),
    };
  };
  const [current, previous] = await Promise.all([
    totals(period.from, period.to),
    totals(period.previous.from, period.previous.to),
  ]);
  return { period, scopeLabel: scope.label, current, previous };
}
