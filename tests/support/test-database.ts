// A fresh, uniquely named database per test run, so runs never see each other's
// data and can run twice in a row. Server: DATABASE_URL's if set, else the machine's
// PostgreSQL on 127.0.0.1:5432, else an embedded one.
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { canConnect, startEmbeddedPostgres } from '@/lib/runtime/embedded-postgres';

export type TestDatabase = { url: string; drop: () => Promise<void> };

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  let serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  let stopEmbedded = async () => {};
  if (!(await canConnect(serverUrl))) {
    const embedded = await startEmbeddedPostgres(path.join(os.tmpdir(), 'vigil-test-pg'), (l) => console.error(l));
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
      await stopEmbedded();
    },
  };
}
