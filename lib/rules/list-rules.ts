import { eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alertRules, regions, stores } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, scopeFor } from '@/lib/auth/policy';

/** Rules that apply to the actor's stores: chain-wide ones, their regions' and their stores'. */
export async function listRules(db: DbOrTx, actor: Actor) {
  assertCan(actor, 'rule.manage');
  const scope = scopeFor(actor, 'rule.manage');
  const regionIds = [...new Set(actor.stores.map((s) => s.regionId))];
  return db
    .select({ rule: alertRules, storeCode: stores.code, regionName: regions.name, regionCode: regions.code })
    .from(alertRules)
    .leftJoin(stores, eq(stores.id, alertRules.storeId))
    .leftJoin(regions, eq(regions.id, alertRules.regionId))
    .where(
      scope.all
        ? undefined
        : or(eq(alertRules.scopeType, 'all'), inArray(alertRules.storeId, scope.storeIds), inArray(alertRules.regionId, regionIds)),
    )
    .orderBy(alertRules.name);
}
