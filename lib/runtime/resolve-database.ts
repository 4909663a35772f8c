// Which PostgreSQL a process outside Next uses: DATABASE_URL when set, otherwise
// the embedded one under VIGIL_DATA_DIR (started here if it is not running yet).
import path from 'node:path';
import { env } from '@/lib/env';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

export async function resolveDatabase(log: (line: string) => void = (l) => console.error(l)): Promise<EmbeddedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, owned: false, stop: async () => {} };
  return startEmbeddedPostgres(path.resolve(env.VIGIL_DATA_DIR), log);
}
