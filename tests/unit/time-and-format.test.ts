import { describe, expect, it } from 'vitest';
import { createRandom } from '@/db/seed/random';
import { formatAge, formatDateTime, formatPence, initials } from '@/lib/domain/format';
import { localToUtc, zoneOffsetMinutes } from '@/lib/domain/time';

describe('store-local time', () => {
  it('knows GMT and BST', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/London')).toBe(0);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/London')).toBe(60);
  });

  it('converts local wall-clock times either side of the March and October clock changes', () => {
    // Clocks go forward at 01:00 GMT on Sun 29 March 2026.
    expect(localToUtc(2026, 3, 29, 0, 30, 'Europe/London').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(localToUtc(2026, 3, 29, 14, 0, 'Europe/London').toISOString()).toBe('2026-03-29T13:00:00.000Z');
    // Clocks go back at 02:00 BST on Sun 25 October 2026.
    expect(localToUtc(2026, 10, 24, 14, 0, 'Europe/London').toISOString()).toBe('2026-10-24T13:00:00.000Z');
    expect(localToUtc(2026, 10, 25, 14, 0, 'Europe/London').toISOString()).toBe('2026-10-25T14:00:00.000Z');
  });
});

describe('UK formats', () => {
  it('shows money in pounds', () => {
    expect(formatPence(123450)).toBe('£1,234.50');
    expect(formatPence(5)).toBe('£0.05');
  });

  it('shows times as people read them, in the store timezone', () => {
    expect(formatDateTime(new Date('2026-03-03T14:05:00Z'))).toBe('Tue 3 Mar, 14:05');
    expect(formatDateTime(new Date('2026-07-07T13:05:00Z'))).toBe('Tue 7 Jul, 14:05');
  });

  it('shows ages in live feeds and masks names', () => {
    const now = Date.parse('2026-03-03T14:05:00Z');
    expect(formatAge(new Date(now - 10_000), now)).toBe('just now');
    expect(formatAge(new Date(now - 120_000), now)).toBe('2 min ago');
    expect(initials('Jane  Smith')).toBe('J. S.');
  });
});

describe('seeded randomness', () => {
  it('is the same for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect([a.next(), a.poisson(3), a.int(1, 9)]).toEqual([b.next(), b.poisson(3), b.int(1, 9)]);
  });
});

describe('humanise', () => {
  it('turns identifiers into words, keeping acronyms', async () => {
    const { humanise } = await import('@/lib/domain/format');
    expect(humanise('eas_alarm')).toBe('EAS alarm');
    expect(humanise('violence_against_staff')).toBe('Violence against staff');
    expect(humanise('pos')).toBe('POS');
  });
});

describe('pgArrayLiteral', () => {
  it('quotes and escapes every element, and writes NULL for null', async () => {
    const { pgArrayLiteral } = await import('@/lib/ingest/store-security-events');
    expect(pgArrayLiteral(['a', 'b"c', 'd\\e', null, 1.5])).toBe('{"a","b\\"c","d\\\\e",NULL,"1.5"}');
  });
});

describe('phrase', () => {
  it('reads mid-sentence, keeping acronyms', async () => {
    const { phrase } = await import('@/lib/domain/format');
    expect(phrase('eas_alarm')).toBe('EAS alarm');
    expect(phrase('Person_Detected')).toBe('person detected');
    expect(phrase('referred_to_police')).toBe('referred to police');
  });
});
