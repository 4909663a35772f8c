// Rollups behind /insights: aggregates only, no personal data (DESIGN.md §6, data minimisation).
// Each row belongs to a "unit": a store ('s') or a whole region ('r'). Region rows let a regional
// manager's or an administrator's dashboard read a few thousand rows instead of every store's.
// Measures are arrays indexed by incident type (1-based, in the order of INCIDENT_TYPES), so one
// row per unit × day carries every type and a type filter is a sum of chosen elements.
// Maintained by statement-level triggers on incident and alert (migration 0002's custom SQL);
// workers/insight-rollups.ts reconciles any day whose totals drifted (e.g. after a bulk load).
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';

const unit = () => text('unit', { enum: ['s', 'r'] }).notNull();
const vec = (name: string) =>
  bigint(name, { mode: 'number' })
    .array()
    .notNull()
    .default(sql`'{}'::bigint[]`);

const dayMeasures = () => ({
  n: vec('n'),
  loss: vec('loss'),
  recovered: vec('recovered'),
  confirmed: vec('confirmed'),
  unfounded: vec('unfounded'),
  referred: vec('referred'),
  closed: vec('closed'),
  triaged: vec('triaged'),
  triageSeconds: vec('triage_seconds'),
});

/** Per unit × store-local day. */
export const insightDay = pgTable(
  'insight_day',
  { unit: unit(), unitId: uuid('unit_id').notNull(), day: date('day').notNull(), ...dayMeasures() },
  (t) => [primaryKey({ columns: [t.unit, t.unitId, t.day] }), index('insight_day_day_idx').on(t.day)],
);

/** Per unit × calendar month (first day): long ranges read months plus the partial months' days. */
export const insightMonth = pgTable(
  'insight_month',
  { unit: unit(), unitId: uuid('unit_id').notNull(), month: date('month').notNull(), ...dayMeasures() },
  (t) => [primaryKey({ columns: [t.unit, t.unitId, t.month] })],
);

/** Per unit × store-local day × hour: the peak-time heatmap and the next-week forecast. */
export const insightHour = pgTable(
  'insight_hour',
  {
    unit: unit(),
    unitId: uuid('unit_id').notNull(),
    day: date('day').notNull(),
    hour: smallint('hour').notNull(),
    n: vec('n'),
  },
  (t) => [primaryKey({ columns: [t.unit, t.unitId, t.day, t.hour] })],
);

/** Per unit × day × goods category: an incident naming two categories counts in both. */
export const insightCategoryDay = pgTable(
  'insight_category_day',
  {
    unit: unit(),
    unitId: uuid('unit_id').notNull(),
    day: date('day').notNull(),
    category: text('category').notNull(),
    n: vec('n'),
    loss: vec('loss'),
  },
  (t) => [primaryKey({ columns: [t.unit, t.unitId, t.day, t.category] })],
);

/** Alerts per unit × store-local day of creation: MTTA and MTTR. */
export const insightAlertDay = pgTable(
  'insight_alert_day',
  {
    unit: unit(),
    unitId: uuid('unit_id').notNull(),
    day: date('day').notNull(),
    alerts: integer('alerts').notNull().default(0),
    acknowledged: integer('acknowledged').notNull().default(0),
    ackSeconds: bigint('ack_seconds', { mode: 'number' }).notNull().default(0),
    resolved: integer('resolved').notNull().default(0),
    resolveSeconds: bigint('resolve_seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unit, t.unitId, t.day] })],
);
