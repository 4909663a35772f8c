import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { alertSourceEnum, alertStatusEnum, roleEnum, ruleKindEnum, scopeTypeEnum, severityEnum } from './enums';
import { incidents } from './incidents';
import { regions, stores, zones } from './organisation';
import { users } from './users';

export const alertRules = pgTable('alert_rule', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  scopeType: scopeTypeEnum('scope_type').notNull().default('all'),
  storeId: uuid('store_id').references(() => stores.id, { onDelete: 'cascade' }),
  regionId: uuid('region_id').references(() => regions.id, { onDelete: 'cascade' }),
  kind: ruleKindEnum('kind').notNull(),
  // Shape depends on kind; validated by lib/rules with zod on every write.
  condition: jsonb('condition').$type<Record<string, unknown>>().notNull(),
  severity: severityEnum('severity').notNull(),
  recipientRoles: roleEnum('recipient_roles').array().notNull(),
  suppressionSeconds: integer('suppression_seconds').notNull().default(300),
  escalationDelaySeconds: integer('escalation_delay_seconds').notNull().default(300),
  enabled: boolean('enabled').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const alerts = pgTable(
  'alert',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    ruleId: uuid('rule_id').references(() => alertRules.id, { onDelete: 'set null' }),
    zoneId: uuid('zone_id').references(() => zones.id),
    title: text('title').notNull(),
    severity: severityEnum('severity').notNull(),
    status: alertStatusEnum('status').notNull().default('open'),
    source: alertSourceEnum('source').notNull(),
    // Ids of the security_event / pos_transaction rows that made this alert.
    triggeringEventIds: uuid('triggering_event_ids').array().notNull().default([]),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    incidentId: uuid('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
  },
  (t) => [index('alert_store_created_idx').on(t.storeId, t.createdAt), index('alert_status_idx').on(t.status)],
);

/** Every action taken on an alert, with actor and time: the alert's own timeline. */
export const alertActions = pgTable(
  'alert_action',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['acknowledged', 'assigned', 'resolved', 'escalated', 'incident_created', 'incident_linked'] }).notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alert_action_alert_idx').on(t.alertId, t.at)],
);
