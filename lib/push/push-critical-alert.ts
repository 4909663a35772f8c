import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { pushInBackground } from './send-push';

/**
 * Critical alerts also go to the subscribed phones and laptops of the store's security
 * officers and managers; the service worker shows it only when no Vigil window is in
 * front (a console on screen already shows the alert itself).
 */
export async function pushCriticalAlert(db: DbOrTx, alert: { id: string; storeId: string; title: string }, storeCode: string): Promise<void> {
  const recipients = await db
    .selectDistinct({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.storeId, alert.storeId), inArray(memberships.role, ['security', 'store_manager']), eq(users.status, 'active')));
  pushInBackground(
    db,
    recipients.map((r) => r.id),
    { title: `Critical alert at ${storeCode}`, body: alert.title, url: `/stores/${storeCode}`, tag: `alert-${alert.id}`, kind: 'alert' },
  );
}
