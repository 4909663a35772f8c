// Whether the database holds the demo accounts, whose passwords and TOTP secret are
// published in the README: every page then says so (components/shell/demo-banner.tsx),
// so nobody mistakes a demo installation for a real one or puts real reports into it.
import { like, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';

export const DEMO_EMAIL_DOMAIN = 'demo.vigil';

export async function demoAccountsExist(db: DbOrTx): Promise<boolean> {
  const [row] = await db
    .select({ found: sql<boolean>`true` })
    .from(users)
    .where(like(users.email, `%@${DEMO_EMAIL_DOMAIN}`))
    .limit(1);
  return !!row;
}

/** Rendered on every page, so asked at most once a minute per process. */
const TTL_MS = 60_000;
let cached: { value: boolean; at: number } | undefined;

export async function demoAccountsPresent(db: DbOrTx): Promise<boolean> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const value = await demoAccountsExist(db);
  cached = { value, at: Date.now() };
  return value;
}
