// Who is acting, and over which stores and regions, resolved from the database on
// every request so a revoked membership or disabled account takes effect at once.
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships, regions, stores, users } from '@/db/schema';
import type { Role, ScopeType } from '@/lib/domain/enums';

export type Membership = {
  role: Role;
  scopeType: ScopeType;
  storeId: string | null;
  storeCode: string | null;
  storeName: string | null;
  regionId: string | null;
  regionCode: string | null;
  regionName: string | null;
};

export type Actor = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  memberships: Membership[];
  /** Every store reachable through a store or region membership, with the roles held there. */
  stores: { id: string; code: string; regionId: string; roles: Role[] }[];
  /** Roles held with scope "all". */
  globalRoles: Role[];
  /** Set for the operator CLI, which acts with full trust but is no user. */
  system?: true;
};

export const CLI_OPERATOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  email: 'operator-cli',
  name: 'Operator (CLI)',
  roles: ['admin'],
  memberships: [],
  stores: [],
  globalRoles: ['admin'],
  system: true,
};

/** The audit row's actor fields for an acting Actor. */
export const auditActor = (actor: Actor) => ({ actorId: actor.system ? null : actor.id, actorLabel: actor.email });

export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.status !== 'active') return null;

  const rows = await db
    .select({
      role: memberships.role,
      scopeType: memberships.scopeType,
      storeId: memberships.storeId,
      storeCode: stores.code,
      storeName: stores.name,
      storeRegionId: stores.regionId,
      regionId: memberships.regionId,
      regionCode: regions.code,
      regionName: regions.name,
    })
    .from(memberships)
    .leftJoin(stores, eq(stores.id, memberships.storeId))
    .leftJoin(regions, eq(regions.id, memberships.regionId))
    .where(eq(memberships.userId, userId));

  const regionIds = rows.filter((r) => r.scopeType === 'region' && r.regionId).map((r) => r.regionId!);
  const regionStores = regionIds.length
    ? await db
        .select({ id: stores.id, code: stores.code, regionId: stores.regionId })
        .from(stores)
        .where(inArray(stores.regionId, regionIds))
    : [];

  const storeMap = new Map<string, { id: string; code: string; regionId: string; roles: Role[] }>();
  const grant = (s: { id: string; code: string; regionId: string }, role: Role) => {
    const entry = storeMap.get(s.id) ?? { ...s, roles: [] };
    if (!entry.roles.includes(role)) entry.roles.push(role);
    storeMap.set(s.id, entry);
  };
  for (const r of rows) {
    if (r.scopeType === 'store' && r.storeId && r.storeCode && r.storeRegionId) {
      grant({ id: r.storeId, code: r.storeCode, regionId: r.storeRegionId }, r.role);
    }
    if (r.scopeType === 'region') {
      for (const s of regionStores.filter((s) => s.regionId === r.regionId)) grant(s, r.role);
    }
  }

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: [...new Set(rows.map((r) => r.role))],
    memberships: rows.map(({ storeRegionId: _unused, ...m }) => m),
    stores: [...storeMap.values()],
    globalRoles: [...new Set(rows.filter((r) => r.scopeType === 'all').map((r) => r.role))],
  };
}
