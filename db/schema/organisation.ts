import { doublePrecision, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { storeFormatEnum, zoneKindEnum } from './enums';

export const regions = pgTable('region', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const stores = pgTable(
  'store',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    format: storeFormatEnum('format').notNull(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    address: text('address').notNull(),
    postcode: text('postcode').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    timezone: text('timezone').notNull().default('Europe/London'),
    emergencyInstructions: text('emergency_instructions'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('store_region_idx').on(t.regionId)],
);

export const zones = pgTable(
  'zone',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    kind: zoneKindEnum('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [unique('zone_store_name_uq').on(t.storeId, t.name)],
);
