import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { roleEnum, scopeTypeEnum, userStatusEnum } from './enums';
import { regions, stores } from './organisation';

export const users = pgTable('app_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  // Stored lower-cased; sign-in compares lower-cased input.
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  status: userStatusEnum('status').notNull().default('active'),
  // AES-256-GCM ciphertext (lib/auth/crypto.ts); never the raw secret.
  mfaSecretEnc: text('mfa_secret_enc'),
  // The 30 s TOTP step of the last code accepted: a code is good only for a newer step,
  // so one code can't sign in twice (lib/auth/sign-in.ts).
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  ssoSubject: text('sso_subject').unique(),
  staffNumber: text('staff_number').unique(),
  pinHash: text('pin_hash'),
  // Kiosk PIN lockout: five wrong tries lock the PIN for 15 minutes (lib/kiosk).
  pinFailedAttempts: integer('pin_failed_attempts').notNull().default(0),
  pinLockedUntil: timestamp('pin_locked_until', { withTimezone: true }),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'membership',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    scopeType: scopeTypeEnum('scope_type').notNull(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id').references(() => regions.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('membership_user_idx').on(t.userId),
    unique('membership_uq').on(t.userId, t.role, t.storeId, t.regionId).nullsNotDistinct(),
    // A scope names exactly the one thing its type says.
    check(
      'membership_scope_ck',
      sql`(${t.scopeType} = 'store' and ${t.storeId} is not null and ${t.regionId} is null)
       or (${t.scopeType} = 'region' and ${t.regionId} is not null and ${t.storeId} is null)
       or (${t.scopeType} = 'all' and ${t.storeId} is null and ${t.regionId} is null)`,
    ),
  ],
);
