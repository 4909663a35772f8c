// For audit tests that play the attacker: a connection as the database owner with
// triggers off (session_replication_role = replica needs a superuser, which the test
// server's role is), to edit or cut rows the append-only trigger would refuse.
import postgres from 'postgres';
import { requireEnv } from '@/lib/env';

export async function asOwnerWithoutTriggers<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(requireEnv('DATABASE_URL'), { max: 1, onnotice: () => {} });
  try {
    await sql`set session_replication_role = replica`;
    return await fn(sql);
  } finally {
    await sql.end();
  }
}
