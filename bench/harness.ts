// Shared bench plumbing: a scratch database, a production server process on it,
// and the tables of figures with pass/fail against targets.
import { type ChildProcess, spawn } from 'node:child_process';
import { createDb, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed/seed-demo';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { createTestDatabase, type TestDatabase } from '../tests/support/test-database';

export type Figure = { name: string; value: number; unit: string; target?: { op: '>=' | '<='; value: number } };

export function report(figures: Figure[]): boolean {
  let ok = true;
  console.log('\n| figure | value | target | |\n|---|---:|---:|---|');
  for (const f of figures) {
    const pass = !f.target || (f.target.op === '>=' ? f.value >= f.target.value : f.value <= f.target.value);
    ok &&= pass;
    const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : v.toFixed(2));
    console.log(`| ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.target ? `${f.target.op} ${fmt(f.target.value)}` : ''} | ${f.target ? (pass ? 'ok' : 'MISSED') : ''} |`);
  }
  return ok;
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

export type BenchApp = { url: string; db: Db; databaseUrl: string; stop: () => Promise<void>; /** The server process, for its memory (/proc/<pid>/status). */ pid?: number };

export async function startBenchApp(port: number, env: Record<string, string> = {}): Promise<BenchApp> {
  buildIfNeeded((l) => console.log(`[bench] ${l}`));
  const database: TestDatabase = await createTestDatabase('vigil_bench');
  await migrateDatabase(database.url);
  const { db, sql } = createDb(database.url, 4);
  await seedDemoData(db, { password: 'vigil-demo', totpSecret: 'JBSWY3DPEHPK3PXP', days: 7 });
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: { ...process.env, ...env, DATABASE_URL: database.url, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 240) throw new Error('bench server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    db,
    databaseUrl: database.url,
    pid: server.pid,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      });
      await sql.end();
      await database.drop();
    },
  };
}
