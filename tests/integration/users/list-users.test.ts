import { and, eq, gte } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { Forbidden } from '@/lib/errors';
import { listUsers } from '@/lib/users/list-users';
import { actorFor, db } from '../../support/fixtures';

describe('listUsers', () => {
  it('lists people with their access for the DPO, and audits the read', async () => {
    const dpo = await actorFor('dpo');
    const since = new Date();
    const people = await listUsers(db(), dpo);
    const manager = people.find((p) => p.email === 'manager@demo.vigil');
    expect(manager).toMatchObject({ status: 'active', mfa: true });
    expect(manager!.access.join(' ')).toContain('MCR01');
    expect(JSON.stringify(people)).not.toMatch(/\$argon2/);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.list_viewed'), eq(auditLog.actorId, dpo.id), gte(auditLog.at, since)));
    expect(audits).toHaveLength(1);
  });

  it('refuses everyone else', async () => {
    for (const who of ['colleague', 'security', 'manager', 'regional', 'investigator']) {
      await expect(listUsers(db(), await actorFor(who)), who).rejects.toBeInstanceOf(Forbidden);
    }
  });
});
