import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoAccountsExist } from '@/lib/system/demo-accounts';
import { db } from '../../support/fixtures';

class Rollback extends Error {}

describe('demoAccountsExist', () => {
  it('is true while any @demo.vigil account exists', async () => {
    expect(await demoAccountsExist(db())).toBe(true);
  });

  it('is false once no account has a demo address', async () => {
    let seen: boolean | undefined;
    await db()
      .transaction(async (tx) => {
        await tx.execute(
          sql`update app_user set email = replace(email, '@demo.vigil', '@example.com') where email like '%@demo.vigil'`,
        );
        seen = await demoAccountsExist(tx);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(seen).toBe(false);
  });
});
