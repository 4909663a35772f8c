// Web push is a courtesy on top of what the app shows anyway: delivery failures are
// logged, never thrown into the action that triggered them. Subscriptions the push
// service says are gone (404/410) are deleted.
import { inArray } from 'drizzle-orm';
import webpush from 'web-push';
import type { DbOrTx } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import { env } from '@/lib/env';

export type PushMessage = { title: string; body: string; url: string; tag?: string; kind?: 'alert' | 'report' };

export const pushConfigured = () => !!(env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY);

export async function pushToUsers(db: DbOrTx, userIds: string[], message: PushMessage): Promise<{ sent: number; failed: number }> {
  if (userIds.length === 0 || !pushConfigured()) return { sent: 0, failed: 0 };
  const subs = await db.select().from(pushSubscriptions).where(inArray(pushSubscriptions.userId, userIds));
  const gone: string[] = [];
  let sent = 0;
  await Promise.all(
    subs.map(async (s) => {
      try {
        // web-push encrypts and signs; the request itself goes through fetch, which (unlike
        // web-push's own sender) also reaches a plain-http push service on this machine.
        const details = webpush.generateRequestDetails({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, JSON.stringify(message), {
          vapidDetails: { subject: env.VAPID_SUBJECT, publicKey: env.VAPID_PUBLIC_KEY!, privateKey: env.VAPID_PRIVATE_KEY! },
          TTL: 24 * 3600,
        });
        const res = await fetch(details.endpoint, { method: details.method, headers: details.headers as Record<string, string>, body: new Uint8Array(details.body), signal: AbortSignal.timeout(10_000) });
        if (res.ok) sent++;
        else if (res.status === 404 || res.status === 410) gone.push(s.id);
        else console.warn(`[push] delivery to ${new URL(s.endpoint).host} failed: ${res.status}`);
      } catch (e) {
        console.warn(`[push] delivery to ${new URL(s.endpoint).host} failed: ${(e as Error).message}`);
      }
    }),
  );
  if (gone.length > 0) await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, gone));
  return { sent, failed: subs.length - sent };
}

/** Fire-and-forget form for request paths: the response never waits on a push service. */
export function pushInBackground(db: DbOrTx, userIds: string[], message: PushMessage): void {
  pushToUsers(db, userIds, message).catch((e: unknown) => console.warn('[push] failed:', (e as Error).message));
}
