// Binds each report or panic kept in a phone's outbox to the account that made it: the page
// sends the signed-in user's id in a header, the service worker keeps it with the queued
// request, and the server refuses a request whose session belongs to someone else. So a
// report saved on a shared phone is never sent as whoever signs in next (app/sw.ts keeps it
// and asks). Shared by the browser, the service worker and the routes: no server imports.
import { AppError } from '@/lib/errors';

export const QUEUED_BY_HEADER = 'x-vigil-queued-by';
export const QUEUED_BY_ANOTHER_ACCOUNT = 'queued_by_another_account';

export class QueuedByAnotherAccount extends AppError {
  constructor() {
    super(
      'This was saved on the device by another account, so it was not sent as you.',
      409,
      QUEUED_BY_ANOTHER_ACCOUNT,
    );
  }
}

/**
 * Requests without the header (API clients, the kiosk, whose colleague token already names the
 * reporter) are unaffected; with it, only the named account's own session may send it.
 */
export function assertQueuedBy(
  queuedBy: string | null,
  reporter: { source: 'pwa' | 'kiosk'; actor: { id: string } },
): void {
  if (!queuedBy) return;
  if (reporter.source !== 'pwa' || reporter.actor.id !== queuedBy) throw new QueuedByAnotherAccount();
}
