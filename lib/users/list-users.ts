import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships, regions, stores, users } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { ROLE_LABEL } from '@/lib/ui/labels';

/** Users with their roles and scopes, for admins and the DPO. A read of personal data, so audited. */
export async function listUsers(db: DbOrTx, actor: Actor) {
  assertCan(actor, 'user.read');
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      status: users.status,
      mfa: users.mfaSecretEnc,
      lastSignInAt: users.lastSignInAt,
      role: memberships.role,
      scopeType: memberships.scopeType,
      storeCode: stores.code,
      regionCode: regions.code,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(stores, eq(stores.id, memberships.storeId))
    .leftJoin(regions, eq(regions.id, memberships.regionId))
    .orderBy(asc(users.email));
  const byUser = new Map<string, { id: string; name: string; email: string; status: string; mfa: boolean; lastSignInAt: Date | null; access: string[] }>();
  for (const r of rows) {
    const u = byUser.get(r.id) ?? { id: r.id, name: r.name, email: r.email, status: r.status, mfa: !!r.mfa, lastSignInAt: r.lastSignInAt, access: [] };
    if (r.role) u.access.push(`${ROLE_LABEL[r.role]}, ${r.scopeType === 'all' ? 'all stores' : r.scopeType === 'store' ? `store ${r.storeCode}` : `region ${r.regionCode}`}`);
    byUser.set(r.id, u);
  }
  const result = [...byUser.values()];
  await recordAudit(db, { ...auditActor(actor), action: 'user.list_viewed', entityType: 'user', detail: { count: result.length } });
  return result;
}
