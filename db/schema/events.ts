import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { deviceKindEnum, posTransactionTypeEnum } from './enums';
import { devices } from './devices';
import { stores, zones } from './organisation';

/**
 * Normalised events from cameras, VMS and sensors. Partitioned by month on
 * occurred_at (see the migration), so the primary key and the dedupe key both
 * carry occurred_at. A redelivery may carry another time, so the vendor id is
 * deduped across partitions by security_event_key below.
 */
export const securityEvents = pgTable(
  'security_event',
  {
    id: uuid('id').notNull().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    zoneId: uuid('zone_id').references(() => zones.id),
    zoneLabel: text('zone_label'),
    sourceKind: deviceKindEnum('source_kind').notNull(),
    type: text('type').notNull(),
    confidence: real('confidence'),
    vendorEventId: text('vendor_event_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.occurredAt] }),
    unique('security_event_dedupe_uq').on(t.deviceId, t.vendorEventId, t.occurredAt),
    index('security_event_store_time_idx').on(t.storeId, t.occurredAt),
  ],
);

/**
 * One row per (device, vendor event id) ever stored and not yet expired: the unique key
 * security_event cannot have, because a unique index on a partitioned table must include
 * the partition key. Unpartitioned, so the primary key catches a redelivery whatever
 * time it carries. occurred_at is the stored event's, for retention (expireSecurityEvents).
 * No foreign key to device: every key is written in the same statement as its event,
 * which has one, and a check per row would slow every batch.
 */
export const securityEventKeys = pgTable(
  'security_event_key',
  {
    deviceId: uuid('device_id').notNull(),
    vendorEventId: text('vendor_event_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deviceId, t.vendorEventId] }),
    index('security_event_key_occurred_at_idx').on(t.occurredAt),
  ],
);

export type PosLine = { sku?: string; description?: string; quantity: number; amountPence: number; voided?: boolean };

export const posTransactions = pgTable(
  'pos_transaction',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    terminalId: text('terminal_id').notNull(),
    // Keyed hash of the vendor's operator id: analytics never see the real one.
    operatorPseudo: text('operator_pseudo'),
    type: posTransactionTypeEnum('type').notNull(),
    totalPence: integer('total_pence').notNull().default(0),
    receiptRef: text('receipt_ref'),
    tenderType: text('tender_type'),
    cardPseudo: text('card_pseudo'),
    flags: text('flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    lines: jsonb('lines').$type<PosLine[]>().notNull().default([]),
    vendorTransactionId: text('vendor_transaction_id').notNull(),
  },
  (t) => [
    unique('pos_transaction_dedupe_uq').on(t.deviceId, t.vendorTransactionId),
    index('pos_transaction_store_time_idx').on(t.storeId, t.occurredAt),
  ],
);
