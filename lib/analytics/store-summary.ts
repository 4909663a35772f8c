import { and, count, eq, gte, inArray, sql, sum } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidents, regions, stores } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertRole, INSIGHT_ROLES, storeScope } from '@/lib/auth/permissions';

/** Incidents and losses per store over the last `days`, for the stores the actor may analyse. No personal data. */
export async function storeSummary(db: DbOrTx, actor: Actor, days = 30) {
  assertRole(actor, INSIGHT_ROLES);
  const scope = storeScope(actor, INSIGHT_ROLES);
  if (!scope.all && scope.storeIds.length === 0) return [];
  const since = new Date(Date.now() - days * 86_400_000);
  return db
    .select({
      code: stores.code,
      name: stores.name,
      region: regions.name,
      incidents: count(incidents.id),
      violence: sql<number>`count(*) filter (where ${incidents.type} in ('violence_against_staff','threats_abuse','robbery'))`.mapWith(Number),
      lossPence: sum(incidents.lossPence).mapWith(Number),
    })
    .from(stores)
    .innerJoin(regions, eq(regions.id, stores.regionId))
    .leftJoin(incidents, and(eq(incidents.storeId, stores.id), gte(incidents.occurredAt, since)))
    .where(scope.all ? undefined : inArray(stores.id, scope.storeIds))
    .groupBy(stores.code, stores.name, regions.name)
    .orderBy(sql`count(${incidents.id}) desc`);
}
