import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Attempt counters shared by every process (lib/http/db-rate-limit.ts): one row per
 * key (e.g. `signin:email:<email>`), changed only by one upsert so parallel attempts
 * can't slip past the limit.
 */
export const rateLimits = pgTable(
  'rate_limit',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    blocks: integer('blocks').notNull().default(0),
    // Set by the same upsert that starts a block, so only that attempt audits it.
    justBlocked: boolean('just_blocked').notNull().default(false),
  },
  (t) => [index('rate_limit_window_idx').on(t.windowStart)],
);

/** Signed-out sessions (the JWT's `sid`), refused until the token would have expired anyway. */
export const revokedSessions = pgTable(
  'revoked_session',
  {
    sid: uuid('sid').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('revoked_session_expires_idx').on(t.expiresAt)],
);
