// Robust anomaly scoring for rates (pure): median/MAD z-scores of today's count
// against the subject's own daily history and against its peers today. Median and
// MAD are used instead of mean and standard deviation because one past incident
// spike would otherwise inflate the spread and hide the next one.

export const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * 0.6745·(x − median)/MAD (Iglewicz & Hoaglin). Counts are discrete, so the MAD is
 * floored at 1: against a flat baseline one extra event is not an anomaly.
 */
export function robustZ(x: number, sample: number[]): number {
  const m = median(sample);
  const mad = Math.max(1, median(sample.map((v) => Math.abs(v - m))));
  return (0.6745 * (x - m)) / mad;
}

export type AnomalyCondition = { zThreshold: number; minSamples: number };

export type AnomalyVerdict = { fires: boolean; value: number; zSelf: number | null; zPeers: number | null; reason: string };

/**
 * `series` maps each subject to its daily counts, index 0 = the day being judged,
 * 1.. = the days before it. A subject fires when it is unusual against its own past
 * (with at least minSamples days of history) and, when there are 3+ peers, against them too.
 */
export function judgeDay(series: Map<string, number[]>, subject: string, day: number, c: AnomalyCondition, historyDays = 28): AnomalyVerdict {
  const own = series.get(subject) ?? [];
  const value = own[day] ?? 0;
  const history = own.slice(day + 1, day + 1 + historyDays);
  if (history.length < c.minSamples) {
    return { fires: false, value, zSelf: null, zPeers: null, reason: `only ${history.length} days of history (needs ${c.minSamples})` };
  }
  const zSelf = robustZ(value, history);
  const peers = [...series.entries()].filter(([k]) => k !== subject).map(([, v]) => v[day] ?? 0);
  const zPeers = peers.length >= 3 ? robustZ(value, peers) : null;
  const fires = zSelf >= c.zThreshold && (zPeers === null || zPeers >= c.zThreshold);
  const round = (z: number) => Math.round(z * 10) / 10;
  return {
    fires,
    value,
    zSelf: round(zSelf),
    zPeers: zPeers === null ? null : round(zPeers),
    reason: `${value} in 24 h vs a usual ${median(history)} (z ${round(zSelf)}${zPeers === null ? '' : `; vs peers z ${round(zPeers)}`})`,
  };
}
