// Assigning an alert to a colleague on shift at its store, and the list of people it
// can go to. Vigil has no rota yet, so "on shift" means "works at this store": an
// active user with a store-level colleague, security or store manager membership there.
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { alerts, memberships, users } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Role } from '@/lib/domain/enums';
import { Conflict, Invalid, parseInput } from '@/lib/errors';
import type { RealtimePayload } from '@/lib/realtime/rooms';
import { alertForAction, pushAlertUpdate, recordAlertAction } from './alert-actions';

/** Store-level roles whose holders can be given an alert to deal with. */
export const ASSIGNABLE_ROLES = ['colleague', 'security', 'store_manager'] as const satisfies readonly Role[];

export const assignAlertBody = z.object({ userId: z.string().uuid().describe('The colleague to give the alert to') });
export const assignAlertInput = assignAlertBody.extend({ alertId: z.string().uuid() });

export type AssignableColleague = { id: string; name: string; roles: Role[] };

/** Active users with a store-level membership at the store, by name. Checked in SQL, never after fetching. */
async function colleaguesAt(db: DbOrTx, storeId: string, userId?: string): Promise<AssignableColleague[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.scopeType, 'store'),
        eq(memberships.storeId, storeId),
        inArray(memberships.role, ASSIGNABLE_ROLES),
        eq(users.status, 'active'),
        userId ? eq(users.id, userId) : undefined,
      ),
    )
    .orderBy(asc(users.name));
  const byId = new Map<string, AssignableColleague>();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { id: r.id, name: r.name, roles: [] };
    entry.roles.push(r.role);
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}

export async function listAssignableColleagues(
  db: DbOrTx,
  actor: Actor,
  storeId: string,
): Promise<AssignableColleague[]> {
  assertCan(actor, 'alert.act', { storeId: storeId });
  return colleaguesAt(db, storeId);
}

/**
 * Gives an alert to a colleague. Reassigning is allowed (each assignment is on the
 * timeline and the latest stands); a resolved alert can't be assigned, and the
 * conditional update makes that hold even if someone resolves it at the same moment.
 */
export async function assignAlert(db: DbOrTx, actor: Actor, raw: unknown): Promise<RealtimePayload> {
  const alertId =
    typeof (raw as { alertId?: unknown } | null)?.alertId === 'string' ? (raw as { alertId: string }).alertId : '';
  const current = await alertForAction(db, alertId);
  assertCan(actor, 'alert.act', { storeId: current.storeId });
  const input = parseInput(assignAlertInput, raw);

  const [assignee] = await colleaguesAt(db, current.storeId, input.userId);
  if (!assignee) {
    throw new Invalid('Choose someone who works at this store.', [
      { path: 'userId', message: 'Not a colleague at this store' },
    ]);
  }
  if (current.assignedTo === input.userId && current.status !== 'resolved')
    return pushAlertUpdate(db, current, { actedBy: actor.name });

  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(alerts)
      .set({ assignedTo: assignee.id, assignedAt: new Date(), assignedBy: actor.system ? null : actor.id })
      .where(and(eq(alerts.id, current.id), ne(alerts.status, 'resolved')))
      .returning({ id: alerts.id });
    if (!row) return false;
    const detail = { to: assignee.id, toName: assignee.name, from: current.assignedTo };
    await recordAlertAction(tx, { alertId: current.id, action: 'assigned', actor, detail });
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'alert.assign',
      entityType: 'alert',
      entityId: current.id,
      detail: { to: assignee.id },
    });
    return true;
  });
  if (!done) throw new Conflict('This alert has already been resolved, so it can no longer be assigned.');
  return pushAlertUpdate(db, current, { actedBy: actor.name });
}
