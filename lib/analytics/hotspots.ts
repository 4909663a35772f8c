// Hotspot and "emerging" flags for stores and zones: pure, explainable, unit-tested.
//
// Hotspot: the count in the period is well above expectation on either yardstick:
//  - peers: the store's incidents per day against the other stores in view, as a robust
//    z-score (median and MAD, so one extreme store does not hide the others): z ≥ 2.5;
//  - own history: the count against what its own recent past predicts (the 12 weeks before
//    the period, or the previous equal period when that is longer), scaled to the period's
//    length, as a Poisson tail probability: p ≤ 0.001 and at least 1.5 × expected.
// Emerging: a sharp recent rise: the last 7 days against the 28 days before them, at least
// 5 incidents, ≥ 1.5 × expected and Poisson p ≤ 0.01.
// Small numbers never flag (at least 5 incidents), so a quiet store with 2 incidents instead of
// 0.5 is not called a hotspot.
import { leaveOneOutPeers, poissonUpperTail } from './statistics';

export const HOTSPOT_RULES = {
  peerZ: 2.5,
  historyP: 0.001,
  historyRatio: 1.5,
  minCount: 5,
  emergingP: 0.01,
  emergingRatio: 1.5,
  recentDays: 7,
  baselineDays: 28,
} as const;

export type HotspotInput = {
  key: string;
  /** incidents in the period */
  count: number;
  /** incidents in the history window */
  historyCount: number;
  /** incidents in the last 7 days and in the 28 days before them */
  recentCount: number;
  baselineCount: number;
};

export type HotspotResult = {
  key: string;
  ratePerDay: number;
  peerMedianPerDay: number | null;
  peerZ: number | null;
  expectedFromHistory: number;
  historyP: number;
  recentExpected: number;
  recentP: number;
  hotspot: boolean;
  emerging: boolean;
  /** Plain-English reasons, for the tooltip and the table. */
  reasons: string[];
};

const fmt = (n: number) => (n >= 10 ? Math.round(n).toLocaleString('en-GB') : n.toFixed(1));
const fmtP = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

export function classifyHotspots(items: HotspotInput[], periodDays: number, historyDays: number): HotspotResult[] {
  const rates = items.map((i) => i.count / periodDays);
  const sortedRates = [...rates].sort((a, b) => a - b);
  const peerMedian = sortedRates.length >= 4 ? sortedRates[Math.floor((sortedRates.length - 1) / 2)]! : null;
  const peers = leaveOneOutPeers(rates);
  const otherStores = items.length - 1;
  return items.map((item, idx) => {
    const rate = rates[idx]!;
    const { median: othersMedian, z: peerZ } = peers[idx]!;
    const expected = historyDays > 0 ? (item.historyCount * periodDays) / historyDays : 0;
    const historyP = poissonUpperTail(item.count, expected);
    const recentExpected = (item.baselineCount * HOTSPOT_RULES.recentDays) / HOTSPOT_RULES.baselineDays;
    const recentP = poissonUpperTail(item.recentCount, recentExpected);
    const reasons: string[] = [];
    const enough = item.count >= HOTSPOT_RULES.minCount;
    const byPeers = enough && peerZ !== null && peerZ >= HOTSPOT_RULES.peerZ;
    const byHistory =
      enough &&
      expected > 0 &&
      historyP <= HOTSPOT_RULES.historyP &&
      item.count >= HOTSPOT_RULES.historyRatio * expected;
    if (byPeers) {
      reasons.push(
        `${fmt(rate)} incidents a day against a median of ${fmt(othersMedian || 0)} at ${otherStores} other stores (robust z ${peerZ!.toFixed(1)})`,
      );
    }
    if (byHistory) {
      reasons.push(
        `${fmt(item.count)} incidents where its own history predicts ${fmt(expected)} (Poisson ${fmtP(historyP)})`,
      );
    }
    const emerging =
      item.recentCount >= HOTSPOT_RULES.minCount &&
      recentP <= HOTSPOT_RULES.emergingP &&
      item.recentCount >= HOTSPOT_RULES.emergingRatio * Math.max(recentExpected, 0.5);
    if (emerging) {
      reasons.push(
        `${item.recentCount} in the last 7 days against ${fmt(recentExpected)} expected from the 4 weeks before (${fmtP(recentP)})`,
      );
    }
    return {
      key: item.key,
      ratePerDay: rate,
      peerMedianPerDay: peerMedian,
      peerZ,
      expectedFromHistory: expected,
      historyP,
      recentExpected,
      recentP,
      hotspot: byPeers || byHistory,
      emerging,
      reasons,
    };
  });
}
