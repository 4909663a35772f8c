import { describe, expect, it } from 'vitest';
import { bucketStarts, filtersToQuery, insightFiltersSchema, isoWeekday, resolvePeriod } from '@/lib/analytics/filters';
import { busiestWindows, seasonalExpectation } from '@/lib/analytics/forecast';

describe('seasonalExpectation', () => {
  const empty = () => Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));

  it('keeps the weekly total and shrinks one-off slots towards the weekday × hour profile', () => {
    const counts = empty();
    for (let d = 0; d < 7; d++) counts[d]![17] = 8; // every day at 17:00, once a week for 8 weeks
    counts[1]![3] = 1; // one odd Tuesday night
    const e = seasonalExpectation(counts);
    const total = e.flat().reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(57 / 8, 10); // the weekly average is preserved
    expect(e[0]![17]).toBeCloseTo(1, 1);
    expect(e[1]![3]).toBeLessThan(1 / 8); // shrunk below its raw weekly average
    expect(busiestWindows(e)[4]).toMatchObject({ dow: 4, startHour: 16 });
  });

  it('is all zeros without history', () => {
    expect(
      seasonalExpectation(empty())
        .flat()
        .every((v) => v === 0),
    ).toBe(true);
  });
});

describe('periods and filters', () => {
  it('resolves presets to inclusive local days with the previous equal period', () => {
    expect(resolvePeriod({ period: '30d' }, '2026-11-25')).toMatchObject({
      from: '2026-10-27',
      to: '2026-11-25',
      days: 30,
      bucket: 'day',
      previous: { from: '2026-09-27', to: '2026-10-26' },
    });
    expect(resolvePeriod({ period: '12m' }, '2026-11-25')).toMatchObject({ days: 365, bucket: 'month' });
    expect(resolvePeriod({ period: '90d' }, '2026-11-25').bucket).toBe('week');
    expect(resolvePeriod({ period: '7d', from: '2026-03-28', to: '2026-03-29' })).toMatchObject({
      days: 2,
      previous: { from: '2026-03-26', to: '2026-03-27' },
    });
  });

  it('buckets by day, Monday-started week and month', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(bucketStarts('2026-11-25', '2026-12-08', 'week')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(bucketStarts('2026-01-31', '2026-03-01', 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
  });

  it('parses query strings: repeated or comma-separated types, codes upper-cased, dates in pairs', () => {
    expect(insightFiltersSchema.parse({ types: ['theft', 'fraud'], region: 'nwy' })).toMatchObject({
      types: ['theft', 'fraud'],
      region: 'NWY',
      period: '30d',
    });
    expect(insightFiltersSchema.parse({ types: 'theft,robbery', from: '', to: '' })).toMatchObject({
      types: ['theft', 'robbery'],
      from: undefined,
    });
    expect(insightFiltersSchema.safeParse({ from: '2026-01-02', to: '2026-01-01' }).success).toBe(false);
    expect(insightFiltersSchema.safeParse({ from: '2026-01-02' }).success).toBe(false);
    expect(insightFiltersSchema.safeParse({ types: 'arson' }).success).toBe(false);
    expect(insightFiltersSchema.safeParse({ store: "MCR01'; drop table x" }).success).toBe(false);
    expect(filtersToQuery({ period: '7d', region: 'NWY', types: ['theft'] }, { chart: 'trend' })).toBe(
      '?period=7d&region=NWY&types=theft&chart=trend',
    );
  });
});
