// `npm start` (and `npm run dev` with --dev): the whole set-up after `npm ci`.
// Database (embedded unless DATABASE_URL), migrations, demo seed, production build
// when needed, then web + workers under one supervisor that stops all on Ctrl-C.
import '@/lib/runtime/local-env';
import { type ChildProcess, spawn } from 'node:child_process';
import { createDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { isDatabaseEmpty, seedDemoData } from '@/db/seed/seed-demo';
import { env } from '@/lib/env';
import { shouldSeedDemo } from '@/lib/runtime/demo-mode';
import { resolveDatabase } from '@/lib/runtime/resolve-database';
import { buildServiceWorker } from './build-service-worker';
import { buildIfNeeded } from './build-if-needed';

const dev = process.argv.includes('--dev');
const log = (line: string) => console.log(`[vigil] ${line}`);

async function seedIfEmpty(url: string) {
  const { db, sql } = createDb(url, 2);
  try {
    if (!(await isDatabaseEmpty(db))) return;
    if (!shouldSeedDemo({ demo: env.VIGIL_DEMO, embedded: !env.DATABASE_URL })) {
      log('The database is empty and demo data is off (it is seeded only into the embedded database, or with VIGIL_DEMO=1). Create the first admin with `npm run vigil -- user create`.');
    } else {
      log('Seeding demo data…');
      const r = await seedDemoData(db, { password: env.VIGIL_DEMO_PASSWORD, totpSecret: env.VIGIL_DEMO_TOTP_SECRET });
      log(`Seeded ${r.stores} stores and ${r.incidents} incidents.`);
    }
  } finally {
    await sql.end();
  }
}

async function main() {
  const started = Date.now();
  const database = await resolveDatabase(log);
  log(database.owned ? 'Embedded PostgreSQL is running.' : env.DATABASE_URL ? 'Using DATABASE_URL.' : 'Using the running embedded PostgreSQL.');

  const children = new Map<string, ChildProcess>();
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 8000).unref();
          }),
      ),
    );
    await database.stop().catch(() => {});
    log('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    await migrateDatabase(database.url);
    await seedIfEmpty(database.url);
    if (dev) await buildServiceWorker({ dev: true });
    else buildIfNeeded(log);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return stopAll(1);
  }

  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NODE_ENV: dev ? 'development' : 'production' };
  const restarts: number[] = [];
  const launch = (name: string, entry: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: 'inherit', env: childEnv });
    children.set(name, child);
    child.on('exit', (code) => {
      if (stopping) return;
      // A crashed process is restarted, unless it keeps crashing.
      const now = Date.now();
      restarts.push(now);
      if (restarts.filter((t) => now - t < 60_000).length > 5) {
        log(`${name} keeps stopping (exit ${code}); giving up.`);
        return void stopAll(1);
      }
      log(`${name} stopped (exit ${code}); restarting.`);
      setTimeout(() => launch(name, entry), 1000);
    });
  };
  launch('web', 'server.ts');
  if (env.VIGIL_WORKERS) launch('workers', 'workers/index.ts');
  log(`Set-up took ${((Date.now() - started) / 1000).toFixed(1)} s; starting web and workers on http://localhost:${env.PORT} (Ctrl-C stops everything).`);
}

void main();
