import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { wellbeingChecks } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { Conflict, NotFound, parseInput } from '@/lib/errors';

export const completeWellbeingCheckInput = z.object({
  id: z.string().uuid(),
  // What was offered, not how the person feels: kept short and factual on purpose.
  note: z.string().trim().max(500).optional(),
});

/** Marks a check-in done, once: a second manager finishing it at the same time is told. */
export async function completeWellbeingCheck(db: DbOrTx, actor: Actor, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(completeWellbeingCheckInput, raw);
  const [check] = await db.select({ storeId: wellbeingChecks.storeId }).from(wellbeingChecks).where(eq(wellbeingChecks.id, input.id));
  if (!check) throw new NotFound('That check-in');
  assertCan(actor, 'wellbeing.manage', { storeId: check.storeId });
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(wellbeingChecks)
      .set({ doneAt: new Date(), doneBy: actor.id, note: input.note ?? null })
      .where(and(eq(wellbeingChecks.id, input.id), isNull(wellbeingChecks.doneAt)))
      .returning({ id: wellbeingChecks.id });
    if (!done) throw new Conflict('Someone has already marked this check-in as done.');
    await recordAudit(tx, { ...auditActor(actor), action: 'wellbeing.done', entityType: 'wellbeing_check', entityId: input.id });
    return done;
  });
}
