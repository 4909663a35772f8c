import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { incidents } from './incidents';
import { users } from './users';

/**
 * Append-only and hash-chained: hash = sha256(prev_hash ‖ canonical row), so any
 * edited or deleted row breaks the chain from that point on (lib/audit).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_actor_idx').on(t.actorId), index('audit_entity_idx').on(t.entityType, t.entityId)],
);

/**
 * Where the live chain begins. One row per chain (re)start: the genesis row made by
 * the migration, then one per prune (audit_log_prune), whose first kept row links to
 * `prevHash`. `position` counts the rows of the chain before it, pruned ones included,
 * so a row's position never changes and anchors stay comparable after a prune.
 */
export const auditChainStarts = pgTable('audit_chain_start', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  chainId: uuid('chain_id').notNull(),
  afterSeq: bigint('after_seq', { mode: 'number' }).notNull(),
  prevHash: text('prev_hash').notNull(),
  position: bigint('position', { mode: 'number' }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** The chain was verified up to `seq` (hash `hash`, `position` rows from genesis): later checks start there. */
export const auditCheckpoints = pgTable('audit_checkpoint', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  position: bigint('position', { mode: 'number' }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const subjects = pgTable('subject', {
  id: uuid('id').primaryKey().defaultRandom(),
  label: text('label').notNull(),
  descriptors: jsonb('descriptors').$type<Record<string, unknown>>().notNull().default({}),
  lawfulBasis: text('lawful_basis').notNull(),
  retainUntil: timestamp('retain_until', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const subjectIncidents = pgTable(
  'subject_incident',
  {
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
  },
  (t) => [index('subject_incident_idx').on(t.subjectId, t.incidentId)],
);

export const retentionPolicies = pgTable('retention_policy', {
  entity: text('entity').primaryKey(),
  keepDays: integer('keep_days').notNull(),
  action: text('action', { enum: ['delete', 'anonymise'] }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const shareLinks = pgTable('share_link', {
  id: uuid('id').primaryKey().defaultRandom(),
  incidentId: uuid('incident_id')
    .notNull()
    .references(() => incidents.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
