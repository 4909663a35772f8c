// One postgres.js pool per process, cached on globalThis so dev hot reload reuses it.
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env, requireEnv } from '@/lib/env';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle has the same query API; lib functions accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export function createDb(url: string, max = env.VIGIL_DB_POOL_MAX): { db: Db; sql: postgres.Sql } {
  const sql = postgres(url, { max, connect_timeout: 5, onnotice: () => {}, connection: { application_name: 'vigil' } });
  return { db: drizzle(sql, { schema }), sql };
}

const cache = globalThis as unknown as { __vigilDb?: { db: Db; sql: postgres.Sql } };

function client() {
  cache.__vigilDb ??= createDb(requireEnv('DATABASE_URL'));
  return cache.__vigilDb;
}

export const getDb = (): Db => client().db;
export const getSql = (): postgres.Sql => client().sql;
