import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeDay, median, robustZ } from '@/lib/rules/anomaly';

const c = { zThreshold: 3.5, minSamples: 14 };

describe('robust anomaly scoring', () => {
  it('computes median and a MAD-based z-score', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // median 10, MAD 1.5 → 0.6745·(16 − 10)/1.5
    expect(robustZ(16, [8, 10, 12, 10, 9, 11, 14, 6])).toBeCloseTo(2.698, 3);
  });

  it('is not fooled by one past spike, unlike a mean/sd score would be', () => {
    const history = [10, 11, 9, 10, 12, 10, 9, 11, 10, 100, 10, 11, 9, 10];
    expect(robustZ(30, history)).toBeGreaterThan(3.5);
  });

  it('fires for a store far above its own history and its peers, and not without enough history', () => {
    const steady = Array.from({ length: 29 }, (_, i) => 10 + (i % 3));
    const series = new Map([
      ['spiking', [45, ...steady]],
      ['a', [11, ...steady]],
      ['b', [10, ...steady]],
      ['c', [12, ...steady]],
    ]);
    expect(judgeDay(series, 'spiking', 0, c)).toMatchObject({ fires: true, value: 45 });
    expect(judgeDay(series, 'a', 0, c).fires).toBe(false);
    const young = new Map([['new', [45, 10, 11]]]);
    expect(judgeDay(young, 'new', 0, c)).toMatchObject({ fires: false, zSelf: null });
  });

  it('does not fire when every store rises together (a chain-wide day, not a local anomaly)', () => {
    const steady = Array.from({ length: 28 }, () => 10);
    const series = new Map(['a', 'b', 'c', 'd'].map((k) => [k, [40, ...steady]]));
    expect(judgeDay(series, 'a', 0, c).fires).toBe(false);
  });

  it('never fires at or below the median of its history (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 14, maxLength: 28 }), (history) => {
        const m = median(history);
        const series = new Map([['s', [Math.floor(m), ...history]]]);
        expect(judgeDay(series, 's', 0, c).fires).toBe(false);
      }),
    );
  });
});
