import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createDb } from './client';

export const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');

/** Applies every committed migration not yet applied; a rerun is a no-op. */
export async function migrateDatabase(url: string): Promise<void> {
  const { db, sql } = createDb(url, 1);
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await sql.end();
  }
}
