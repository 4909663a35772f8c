// Context data: public, anonymised street-level crime published by data.police.uk (OGL v3.0),
// imported by administrators to show police-recorded shoplifting around stores on /insights.
// No personal data: police.uk already snaps each crime to an anonymous map point.
import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** One uploaded CSV file; deleting it removes the crimes it added (a later import may add them again). */
export const policeCrimeImports = pgTable('police_crime_import', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  // Kept when the admin's account is deleted: the import is still a fact about the data.
  importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  rowsRead: integer('rows_read').notNull(),
  rowsAdded: integer('rows_added').notNull(),
  rowsDuplicate: integer('rows_duplicate').notNull(),
  rowsWithoutLocation: integer('rows_without_location').notNull(),
  // First days of the first and last month in the file (null for a file with no data rows).
  monthFrom: date('month_from'),
  monthTo: date('month_to'),
});

export const policeCrimes = pgTable(
  'police_crime',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importId: uuid('import_id')
      .notNull()
      .references(() => policeCrimeImports.id, { onDelete: 'cascade' }),
    /** First day of the month police.uk publishes the crime under (no finer date exists). */
    month: date('month').notNull(),
    crimeType: text('crime_type').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    /** The 0.01° grid cell of the point (lib/context/grid-cells.ts computes the same numbers). */
    cell: integer('cell')
      .notNull()
      .generatedAlwaysAs(sql`(floor(lat * 100)::integer * 100000) + floor(lng * 100)::integer + 50000`),
    location: text('location').notNull(),
    // Blank in a few published rows that still have coordinates.
    lsoaCode: text('lsoa_code'),
    fallsWithin: text('falls_within').notNull(),
    lastOutcome: text('last_outcome'),
    // Blank in the published files for anti-social behaviour.
    crimeId: text('crime_id'),
    /** sha256 of the normalised row (lib/context/parse-police-crimes.ts): the same crime is stored once. */
    fingerprint: text('fingerprint').notNull().unique(),
  },
  (t) => [
    // Crimes near stores are read through police_crime_cell_month_idx on (cell, month), covering
    // (migration 0008: drizzle cannot declare INCLUDE).
    // ON DELETE CASCADE from an import reads by import_id.
    index('police_crime_import_idx').on(t.importId),
  ],
);
