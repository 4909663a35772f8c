import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/errors';

// Push services are https; plain http is accepted only for a push service on this machine (tests, local stubs).
const endpoint = z
  .string()
  .url()
  .max(2000)
  .refine((u) => {
    const url = new URL(u);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  }, 'Push endpoints must use https');

export const pushSubscriptionInput = z.object({
  endpoint,
  keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
});

/** Stores (or moves to this person) a browser's push subscription: opting in to notifications. */
export async function savePushSubscription(db: DbOrTx, actor: Actor, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(pushSubscriptionInput, raw);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pushSubscriptions)
      .values({ userId: actor.id, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId: actor.id, p256dh: input.keys.p256dh, auth: input.keys.auth } })
      .returning({ id: pushSubscriptions.id });
    await recordAudit(tx, { ...auditActor(actor), action: 'push.subscribe', entityType: 'push_subscription', entityId: row!.id });
    return { id: row!.id };
  });
}

export async function deletePushSubscription(db: DbOrTx, actor: Actor, raw: unknown): Promise<{ deleted: boolean }> {
  const { endpoint: url } = parseInput(z.object({ endpoint }), raw);
  const gone = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, url), eq(pushSubscriptions.userId, actor.id)))
    .returning({ id: pushSubscriptions.id });
  if (gone.length > 0) await recordAudit(db, { ...auditActor(actor), action: 'push.unsubscribe', entityType: 'push_subscription', entityId: gone[0]!.id });
  return { deleted: gone.length > 0 };
}
