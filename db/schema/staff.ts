import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { devices } from './devices';
import { incidents } from './incidents';
import { stores } from './organisation';
import { users } from './users';

/** One-time kiosk pairing codes: valid for 10 minutes, usable once (lib/kiosk). */
export const kioskEnrolments = pgTable(
  'kiosk_enrolment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // sha256 of the code; the code itself is shown once to the person pairing.
    codeHash: text('code_hash').notNull().unique(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    deviceId: uuid('device_id').references(() => devices.id, { onDelete: 'set null' }),
  },
  (t) => [index('kiosk_enrolment_store_idx').on(t.storeId)],
);

/**
 * After violence, threats or abuse against a colleague, the store manager checks in
 * with them within 24 hours; this is that task, tracked to done.
 */
export const wellbeingChecks = pgTable(
  'wellbeing_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .unique()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    colleagueId: uuid('colleague_id').references(() => users.id, { onDelete: 'set null' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('wellbeing_check_store_idx').on(t.storeId, t.doneAt)],
);

/** The organisation's own list of support shown to a colleague after a violent or abusive incident. */
export const supportOptions = pgTable('support_option', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  detail: text('detail').notNull(),
  // A phone number (tel:) or a web address people can open; optional.
  contact: text('contact'),
  position: integer('position').notNull().default(0),
});
