// The filters every insight verb takes, validated once at the page or route boundary
// (searchParams) and again by each verb, and the periods they resolve to.
import { z } from 'zod';
import { INCIDENT_TYPES, type IncidentType } from '@/lib/domain/enums';
import { PERIOD_PRESETS, type PeriodPreset, PRESET_LABEL } from './period-presets';

export { PERIOD_PRESETS, type PeriodPreset, PRESET_LABEL };
const PRESET_DAYS: Record<PeriodPreset, number> = { '7d': 7, '30d': 30, '90d': 90, '12m': 365 };

/** Incident types counted as violence and abuse against staff (the figure retailers report to government). */
export const VIOLENCE_TYPES: readonly IncidentType[] = ['violence_against_staff', 'threats_abuse', 'robbery'];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-25.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Not a real date.');
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'Not a valid code.')
  .transform((s) => s.toUpperCase());

// Query strings give strings or repeated keys; "types=theft,fraud" and "types=theft&types=fraud" both work.
const typeList = z.preprocess(
  (v) => {
    if (v === undefined || v === '' || v === null) return undefined;
    const parts = (Array.isArray(v) ? v : [v])
      .flatMap((x) => String(x).split(','))
      .map((x) => x.trim())
      .filter(Boolean);
    return parts.length ? [...new Set(parts)] : undefined;
  },
  z.array(z.enum(INCIDENT_TYPES)).min(1).optional(),
);
const single = (v: unknown) => (Array.isArray(v) ? v[0] : v === '' ? undefined : v);

export const insightFiltersSchema = z
  .object({
    period: z.preprocess(single, z.enum(PERIOD_PRESETS).default('30d')),
    from: z.preprocess(single, isoDate.optional()),
    to: z.preprocess(single, isoDate.optional()),
    region: z.preprocess(single, code.optional()),
    store: z.preprocess(single, code.optional()),
    types: typeList,
  })
  .refine((f) => (f.from === undefined) === (f.to === undefined), {
    message: 'Give both a start and an end date.',
    path: ['from'],
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'The start date must be on or before the end date.',
    path: ['from'],
  })
  .refine((f) => !f.from || !f.to || daysBetween(f.from, f.to) <= 730, {
    message: 'Choose at most two years.',
    path: ['to'],
  });

export type InsightFilters = z.output<typeof insightFiltersSchema>;
export type InsightFiltersInput = z.input<typeof insightFiltersSchema>;

// ---- calendar days as 'YYYY-MM-DD' strings (store-local days; no time zone arithmetic here)

const toUtc = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fromUtc(toUtc(d) + n * 86_400_000);
export const daysBetween = (a: string, b: string) => Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
export const isoWeekday = (d: string) => ((new Date(toUtc(d)).getUTCDay() + 6) % 7) + 1; // 1 = Monday … 7 = Sunday
export const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
export const nextMonthStart = (d: string) => {
  const dt = new Date(toUtc(monthStart(d)));
  dt.setUTCMonth(dt.getUTCMonth() + 1);
  return fromUtc(dt.getTime());
};

/** Today's date on the wall clock in `timeZone`. */
export function localToday(now = new Date(), timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export type Bucket = 'day' | 'week' | 'month';
export type Period = {
  from: string;
  to: string;
  days: number;
  previous: { from: string; to: string };
  bucket: Bucket;
  label: string;
};

/** The chosen period (inclusive local days) and the equal period just before it. */
export function resolvePeriod(f: Pick<InsightFilters, 'period' | 'from' | 'to'>, today = localToday()): Period {
  let from: string;
  let to: string;
  let label: string;
  if (f.from && f.to) {
    from = f.from;
    to = f.to;
    label = `${from} to ${to}`;
  } else {
    to = today;
    from = addDays(today, -(PRESET_DAYS[f.period] - 1));
    label = `last ${PRESET_LABEL[f.period]}`;
  }
  const days = daysBetween(from, to) + 1;
  const bucket: Bucket = days <= 31 ? 'day' : days <= 120 ? 'week' : 'month';
  return { from, to, days, previous: { from: addDays(from, -days), to: addDays(from, -1) }, bucket, label };
}

/** The first day of each bucket covering [from, to] (weeks start on Monday). */
export function bucketStarts(from: string, to: string, bucket: Bucket): string[] {
  const out: string[] = [];
  let d = bucket === 'day' ? from : bucket === 'week' ? addDays(from, 1 - isoWeekday(from)) : monthStart(from);
  while (d <= to) {
    out.push(d);
    d = bucket === 'day' ? addDays(d, 1) : bucket === 'week' ? addDays(d, 7) : nextMonthStart(d);
  }
  return out;
}

export const selectedTypes = (f: Pick<InsightFilters, 'types'>): IncidentType[] => f.types ?? [...INCIDENT_TYPES];

/** Filters as a query string (for links, CSV export and the print view). */
export function filtersToQuery(f: Partial<InsightFilters>, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.period && !f.from) q.set('period', f.period);
  if (f.from && f.to) {
    q.set('from', f.from);
    q.set('to', f.to);
  }
  if (f.region) q.set('region', f.region);
  if (f.store) q.set('store', f.store);
  if (f.types && f.types.length < INCIDENT_TYPES.length) q.set('types', f.types.join(','));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
