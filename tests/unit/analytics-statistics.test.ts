import { describe, expect, it } from 'vitest';
import { classifyHotspots } from '@/lib/analytics/hotspots';
import { leaveOneOutPeers, logGamma, median, poissonUpperTail, robustZ } from '@/lib/analytics/statistics';

describe('statistics', () => {
  it('logGamma matches factorials', () => {
    expect(Math.exp(logGamma(6))).toBeCloseTo(120, 8);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 8); // ln(100!)
  });

  it('poissonUpperTail is P(X ≥ k)', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    // P(X ≥ 3 | λ = 1) = 1 − e^-1 (1 + 1 + 1/2)
    expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * 2.5, 12);
    expect(poissonUpperTail(40, 10)).toBeLessThan(1e-10);
    expect(poissonUpperTail(5, 0)).toBe(0);
    expect(poissonUpperTail(10_000, 10_000)).toBeCloseTo(0.5, 1);
  });

  it('robustZ uses median and MAD, with a fallback when MAD is 0', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(robustZ(10, [1, 2, 3, 4, 5])).toBeCloseTo((10 - 3) / (1.4826 * 1), 10);
    expect(robustZ(5, [1, 1, 1, 1, 9])).toBeCloseTo((5 - 1) / (1.2533 * 1.6), 10);
    expect(robustZ(1, [1, 1, 1, 1])).toBeNull();
    expect(robustZ(1, [1, 2, 3])).toBeNull();
  });

  it('leaveOneOutPeers gives each value the median and robust z of the others', () => {
    // Seeded samples with many ties (MAD 0 fallbacks) and without, of odd and even sizes.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const samples = [[], [4], [1, 2, 3, 4], [1, 2, 3, 4, 5], [0, 0, 0, 0, 0, 9], [1, 1, 1, 1, 1]];
    for (let n = 5; n <= 60; n += 11) {
      samples.push(Array.from({ length: n }, () => Math.floor(random() * 6) / 3));
      samples.push(Array.from({ length: n }, () => random() * 40));
    }
    for (const values of samples) {
      const got = leaveOneOutPeers(values);
      values.forEach((v, i) => {
        const others = values.filter((_, j) => j !== i);
        expect(got[i]!.median).toEqual(median(others));
        const z = robustZ(v, others);
        if (z === null) expect(got[i]!.z).toBeNull();
        else expect(got[i]!.z).toBeCloseTo(z, 9);
      });
    }
  });
});

describe('classifyHotspots', () => {
  const quiet = (key: string, count = 30) => ({
    key,
    count,
    historyCount: count * 3,
    recentCount: 7,
    baselineCount: 28,
  });

  it('flags a store far above its peers, explaining why', () => {
    const [hot, ...rest] = classifyHotspots(
      [{ ...quiet('A'), count: 120, historyCount: 360 }, quiet('B'), quiet('C', 28), quiet('D', 33), quiet('E', 31)],
      30,
      90,
    );
    expect(hot!.hotspot).toBe(true);
    expect(hot!.reasons[0]).toMatch(/a day against a median of 1\.0 at 4 other stores \(robust z/);
    expect(rest.every((r) => !r.hotspot && !r.emerging)).toBe(true);
  });

  it('flags a store far above its own history, and a sharp recent rise as emerging', () => {
    const [a] = classifyHotspots(
      [{ key: 'A', count: 60, historyCount: 60, recentCount: 7, baselineCount: 28 }],
      30,
      90,
    );
    expect(a!.expectedFromHistory).toBe(20);
    expect(a!.hotspot).toBe(true);
    const [b] = classifyHotspots(
      [{ key: 'B', count: 40, historyCount: 120, recentCount: 20, baselineCount: 28 }],
      30,
      90,
    );
    expect(b!.hotspot).toBe(false);
    expect(b!.emerging).toBe(true);
    expect(b!.reasons.join()).toMatch(/20 in the last 7 days against 7\.0 expected/);
  });

  it('never flags small numbers', () => {
    const [a] = classifyHotspots([{ key: 'A', count: 4, historyCount: 0, recentCount: 4, baselineCount: 0 }], 30, 90);
    expect(a!.hotspot || a!.emerging).toBe(false);
  });
});
