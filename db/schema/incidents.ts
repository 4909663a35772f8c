import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  custodyActionEnum,
  evidenceKindEnum,
  incidentEventKindEnum,
  incidentSourceEnum,
  incidentStatusEnum,
  incidentTypeEnum,
  severityEnum,
} from './enums';
import { devices } from './devices';
import { stores, zones } from './organisation';
import { users } from './users';

/** Feeds the human reference INC-<year>-<nnnnnn>. */
export const incidentRefSeq = pgSequence('incident_ref_seq', { startWith: 1 });

export type OffenderDescription = {
  height?: 'short' | 'average' | 'tall';
  build?: 'slim' | 'medium' | 'heavy';
  clothing?: string;
  features?: string;
};

export const incidents = pgTable(
  'incident',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ref: text('ref').notNull().unique(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    zoneId: uuid('zone_id').references(() => zones.id),
    type: incidentTypeEnum('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    source: incidentSourceEnum('source').notNull(),
    severity: severityEnum('severity').notNull().default('medium'),
    status: incidentStatusEnum('status').notNull().default('reported'),
    description: text('description'),
    goodsCategories: text('goods_categories').array().notNull().default(sql`'{}'::text[]`),
    lossPence: integer('loss_pence').notNull().default(0),
    recoveredPence: integer('recovered_pence').notNull().default(0),
    offenderCount: integer('offender_count').notNull().default(0),
    offenderDescriptions: jsonb('offender_descriptions').$type<OffenderDescription[]>().notNull().default([]),
    weaponInvolved: boolean('weapon_involved').notNull().default(false),
    injury: boolean('injury').notNull().default(false),
    threatMade: boolean('threat_made').notNull().default(false),
    policeCalled: boolean('police_called').notNull().default(false),
    policeCrimeRef: text('police_crime_ref'),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // The client's key: a replayed offline report maps to the incident it already made.
    idempotencyKey: uuid('idempotency_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('incident_store_occurred_idx').on(t.storeId, t.occurredAt),
    index('incident_reporter_idx').on(t.reporterId),
    index('incident_status_idx').on(t.status),
  ],
);

export const incidentEvents = pgTable(
  'incident_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: incidentEventKindEnum('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_event_incident_idx').on(t.incidentId, t.createdAt)],
);

export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id').references(() => incidents.id, { onDelete: 'cascade' }),
    kind: evidenceKindEnum('kind').notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    capturedByUserId: uuid('captured_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    capturedByDeviceId: uuid('captured_by_device_id').references(() => devices.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('evidence_incident_idx').on(t.incidentId)],
);

export const evidenceCustody = pgTable(
  'evidence_custody',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
    action: custodyActionEnum('action').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_custody_evidence_idx').on(t.evidenceId)],
);
