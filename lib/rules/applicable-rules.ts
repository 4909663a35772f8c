import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alertRules } from '@/db/schema';
import type { RULE_KINDS } from '@/lib/domain/enums';

export type AlertRule = typeof alertRules.$inferSelect;

/** Enabled rules of the given kinds whose scope covers the store (all, its region, or itself). */
export function applicableRules(db: DbOrTx, kinds: (typeof RULE_KINDS)[number][], store: { id: string; regionId: string }) {
  return db
    .select()
    .from(alertRules)
    .where(
      and(
        eq(alertRules.enabled, true),
        inArray(alertRules.kind, kinds),
        or(eq(alertRules.scopeType, 'all'), eq(alertRules.storeId, store.id), eq(alertRules.regionId, store.regionId)),
      ),
    );
}
