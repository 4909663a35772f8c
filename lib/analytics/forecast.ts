// Next-week risk: a seasonal baseline per store, explainable in one sentence.
//
// For each store we count incidents by weekday × hour over the last 8 full weeks. The expected
// count for a weekday-hour next week is that slot's weekly average, shrunk towards what the
// store's weekday and hour profiles predict on their own:
//   expected(d, h) = (count(d, h) + K × prior(d, h)) / (W + K),  W = 8 weeks, K = 4,
//   prior(d, h) = (total / W) × share of weekday d × share of hour h.
// Shrinkage keeps one unusual Tuesday evening from dominating, while slots that are busy week
// after week stay busy. No trend, no weather, no events: it is a baseline, not a prophecy.
export const FORECAST_WEEKS = 8;
export const FORECAST_SHRINK = 4;

/** counts[dow 0 = Monday … 6 = Sunday][hour 0–23] over FORECAST_WEEKS weeks → expected per week. */
export function seasonalExpectation(counts: number[][], weeks = FORECAST_WEEKS, k = FORECAST_SHRINK): number[][] {
  const total = counts.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  if (total === 0) return counts.map((row) => row.map(() => 0));
  const dayShare = counts.map((row) => row.reduce((a, b) => a + b, 0) / total);
  const hourShare = Array.from({ length: 24 }, (_, h) => counts.reduce((s, row) => s + (row[h] ?? 0), 0) / total);
  const weekly = total / weeks;
  return counts.map((row, d) => row.map((c, h) => (c + k * weekly * dayShare[d]! * hourShare[h]!) / (weeks + k)));
}

export type RiskWindow = { dow: number; startHour: number; expected: number };

/** The busiest two-hour window of each weekday (0 = Monday), by expected incidents. */
export function busiestWindows(expected: number[][], width = 2): RiskWindow[] {
  return expected.map((row, dow) => {
    let best = { dow, startHour: 0, expected: -1 };
    for (let h = 0; h + width <= 24; h++) {
      const sum = row.slice(h, h + width).reduce((a, b) => a + b, 0);
      if (sum > best.expected) best = { dow, startHour: h, expected: sum };
    }
    return best;
  });
}
