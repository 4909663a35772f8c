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
