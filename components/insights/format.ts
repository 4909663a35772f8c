// UK formats for the insight charts and tables (dates here are local days, 'YYYY-MM-DD').
import type { Bucket } from '@/lib/analytics/filters';

const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const dayLong = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const month = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });
const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

export const formatDay = (d: string) => day.format(asDate(d));
/** "Tue 3 Mar" */
export const formatDayLong = (d: string) => dayLong.format(asDate(d)).replace(',', '');
export const formatDayYear = (d: string) => `${day.format(asDate(d))} ${d.slice(0, 4)}`;

export function bucketLabel(bucket: string, kind: Bucket): string {
  if (kind === 'day') return formatDay(bucket);
  if (kind === 'week') return `w/c ${formatDay(bucket)}`;
  return month.format(asDate(bucket));
}

export const formatCount = (n: number) => Math.round(n).toLocaleString('en-GB');
export const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** "+12 %" / "−8 %" / "no change" / null when there is no previous figure. */
export function formatChange(current: number, previous: number): string | null {
  if (!(previous > 0)) return current > 0 ? 'none before' : null;
  const pct = Math.round(((current - previous) / previous) * 100);
  if (pct === 0) return 'no change';
  return `${pct > 0 ? '+' : '−'}${Math.abs(pct)} %`;
}

/** "Aug 2026" for a month's first day. */
export const formatMonth = (d: string) => month.format(asDate(d));

/** How many calendar months from one month's first day to another's, both included. */
export const monthCount = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

const monthOnly = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short' });

/** "Sep 2026", "Aug to Oct 2026" or "Nov 2025 to Jan 2026". */
export function formatMonthSpan(from: string, to: string): string {
  if (from === to) return formatMonth(from);
  const start = from.slice(0, 4) === to.slice(0, 4) ? monthOnly.format(asDate(from)) : formatMonth(from);
  return `${start} to ${formatMonth(to)}`;
}

/** Months (first days, sorted) in words: a span when they run on, else a list ("Aug 2026, Oct 2026"). */
export function formatMonths(months: string[]): string {
  if (months.length === 0) return 'no months';
  const first = months[0]!;
  const last = months[months.length - 1]!;
  return monthCount(first, last) === months.length ? formatMonthSpan(first, last) : months.map(formatMonth).join(', ');
}
