import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record-audit';
import { env } from '@/lib/env';
import { Conflict, parseInput } from '@/lib/errors';
import { parseAllowedOrigins, pushEndpointProblem } from './push-endpoint';

/** Browsers one person may receive notifications on; registering another replaces the one registered longest ago. */
export const MAX_PUSH_SUBSCRIPTIONS = 10;

const allowedOrigins = parseAllowedOrigins(env.VIGIL_PUSH_ALLOWED_ORIGINS);

// https on a public host name (lib/push/push-endpoint.ts): the server POSTs to this URL.
const endpoint = z
  .string()
  .url()
  .max(2000)
  .superRefine((u, ctx) => {
    const problem = pushEndpointProblem(u, allowedOrigins);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const pushSubscriptionInput = z.object({
  endpoint,
  keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
});

/**
 * Stores a browser's push subscription: opting in to notifications. A browser already
 * registered to someone else stays theirs (409) — otherwise anyone could take over another
 * person's notifications by knowing their endpoint. Past MAX_PUSH_SUBSCRIPTIONS the
 * person's least recently registered browsers are dropped: a phone replaced or reset
 * never unsubscribes, and refusing the new one would leave them without alerts.
 */
export async function savePushSubscription(db: DbOrTx, actor: Actor, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(pushSubscriptionInput, raw);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pushSubscriptions)
      .values({ userId: actor.id, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { p256dh: input.keys.p256dh, auth: input.keys.auth, createdAt: sql`now()` },
        setWhere: eq(pushSubscriptions.userId, actor.id),
      })
      .returning({ id: pushSubscriptions.id });
    if (!row)
      throw new Conflict(
        'This browser already receives notifications for another account. Turn them off while signed in as that person, then try again.',
      );
    const keep = tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, actor.id))
      .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id))
      .limit(MAX_PUSH_SUBSCRIPTIONS);
    await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, actor.id), notInArray(pushSubscriptions.id, keep)));
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'push.subscribe',
      entityType: 'push_subscription',
      entityId: row.id,
    });
    return { id: row.id };
  });
}

export async function deletePushSubscription(db: DbOrTx, actor: Actor, raw: unknown): Promise<{ deleted: boolean }> {
  // Any URL: opting out must work for a subscription saved before today's rules.
  const { endpoint: url } = parseInput(z.object({ endpoint: z.string().url().max(2000) }), raw);
  const gone = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, url), eq(pushSubscriptions.userId, actor.id)))
    .returning({ id: pushSubscriptions.id });
  if (gone.length > 0) await recordAudit(db, { ...auditActor(actor), action: 'push.unsubscribe', entityType: 'push_subscription', entityId: gone[0]!.id });
  return { deleted: gone.length > 0 };
}
