import '@/lib/runtime/local-env';
import type { TestProject } from 'vitest/node';
import { createDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed/seed-demo';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase | undefined;

export default async function setup(project: TestProject) {
  database = await createTestDatabase('vigil_it');
  await migrateDatabase(database.url);
  const { db, sql } = createDb(database.url, 2);
  await seedDemoData(db, { password: 'vigil-demo', totpSecret: 'JBSWY3DPEHPK3PXP', days: 30 });
  await sql.end();
  project.provide('databaseUrl', database.url);
  return async () => {
    await database?.drop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
