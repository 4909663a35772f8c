// `npm run db:seed`: empties the domain tables and loads the demo data again.
import '@/lib/runtime/local-env';
import { createDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { clearDatabase, seedDemoData } from '@/db/seed/seed-demo';
import { env } from '@/lib/env';
import { resolveDatabase } from '@/lib/runtime/resolve-database';

async function main() {
  const database = await resolveDatabase();
  await migrateDatabase(database.url);
  const { db, sql } = createDb(database.url, 2);
  try {
    await clearDatabase(db);
    const r = await seedDemoData(db, { password: env.VIGIL_DEMO_PASSWORD, totpSecret: env.VIGIL_DEMO_TOTP_SECRET });
    console.log(`Seeded ${r.stores} stores and ${r.incidents} incidents.`);
  } finally {
    await sql.end();
    await database.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
