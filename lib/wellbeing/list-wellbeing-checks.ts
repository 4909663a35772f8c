import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidents, users, wellbeingChecks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { auditActor } from '@/lib/auth/actor';


export type WellbeingCheck = { id: string; incidentRef: string; incidentType: string; colleagueName: string | null; dueAt: Date };

/** Open "check in with the colleague" tasks for a store, soonest due first. Names a person: audited. */
export async function listWellbeingChecks(db: DbOrTx, actor: Actor, storeId: string): Promise<WellbeingCheck[]> {
  assertCan(actor, 'wellbeing.manage', { storeId: storeId });
  const rows = await db
    .select({ id: wellbeingChecks.id, incidentRef: incidents.ref, incidentType: incidents.type, colleagueName: users.name, dueAt: wellbeingChecks.dueAt })
    .from(wellbeingChecks)
    .innerJoin(incidents, eq(incidents.id, wellbeingChecks.incidentId))
    .leftJoin(users, eq(users.id, wellbeingChecks.colleagueId))
    .where(and(eq(wellbeingChecks.storeId, storeId), isNull(wellbeingChecks.doneAt)))
    .orderBy(asc(wellbeingChecks.dueAt));
  if (rows.length > 0) {
    await recordAudit(db, { ...auditActor(actor), action: 'wellbeing.list', entityType: 'store', entityId: storeId, detail: { count: rows.length } });
  }
  return rows;
}
