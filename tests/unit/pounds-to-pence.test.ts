import { describe, expect, it } from 'vitest';
import { poundsToPence } from '@/components/report/report-form';

describe('poundsToPence (report form value field)', () => {
  it.each([
    ['12.50', 1250],
    ['12.5', 1250],
    ['12', 1200],
    ['0.99', 99],
    ['£1,234', 123400],
    [' £ 24.50 ', 2450],
    ['', 0],
    ['   ', 0],
  ])('reads %j as %i pence', (text, pence) => {
    expect(poundsToPence(text)).toBe(pence);
  });

  it('does not round away a tenth of a penny in 0.29 or 1.15 (floating point)', () => {
    expect(poundsToPence('0.29')).toBe(29);
    expect(poundsToPence('1.15')).toBe(115);
    expect(poundsToPence('4.35')).toBe(435);
  });

  it.each(['abc', '1.234', '-5', '1e3', '1.2.3', '12p'])('refuses %j', (text) => {
    expect(poundsToPence(text)).toBeNull();
  });
});
