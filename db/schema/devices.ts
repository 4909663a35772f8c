import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { deviceKindEnum, deviceStatusEnum } from './enums';
import { stores } from './organisation';

export const devices = pgTable(
  'device',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    kind: deviceKindEnum('kind').notNull(),
    vendor: text('vendor').notNull(),
    // The vendor's own name for the device, e.g. a Frigate camera name.
    vendorRef: text('vendor_ref'),
    name: text('name').notNull(),
    // sha256 of the key; the key itself is shown once and never stored.
    apiKeyHash: text('api_key_hash').unique(),
    apiKeyPrefix: text('api_key_prefix'),
    status: deviceStatusEnum('status').notNull().default('active'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('device_store_idx').on(t.storeId),
    uniqueIndex('device_vendor_ref_uq')
      .on(t.vendor, t.vendorRef)
      .where(sql`${t.vendorRef} is not null and ${t.status} = 'active'`),
  ],
);
