'use client';

import { CloudUpload, TriangleAlert, UserRound, WifiOff } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { signOutAction } from '@/components/shell/sign-out-action';
import { discardOtherAccounts, dismissFailed, type OutboxStatus } from '@/lib/client/outbox';

const reports = (n: number) => `${n} ${n === 1 ? 'report' : 'reports'}`;

/**
 * Offline state, what is waiting to be sent, anything the server refused, and what another
 * account left on this device (`owner` is the signed-in user's id; the kiosk passes none).
 */
export function OutboxBanner({ status, online, owner }: { status: OutboxStatus; online: boolean; owner?: string }) {
  const mine = (i: { owner: string | null }) => !i.owner || i.owner === owner;
  // Held items of this account are sent at the next replay, so they count as waiting.
  const pending = status.pending.filter(mine).length + status.held.filter((i) => owner && i.owner === owner).length;
  const others = [...status.pending, ...status.held].filter((i) => !mine(i)).length;
  return (
    <div className="space-y-2" aria-live="polite">
      {!online ? (
        <p className="flex items-start gap-2 rounded-lg border border-amber-400 bg-amber-50 p-3 text-amber-950">
          <WifiOff aria-hidden className="mt-0.5 size-5 shrink-0" />
          <span>
            <strong>You are offline.</strong> You can still report: it is saved on this device and sent when you are back online.
          </span>
        </p>
      ) : null}
      {others > 0 ? <OtherAccountPrompt count={others} owner={owner} /> : null}
      {pending > 0 ? (
        <p className="flex items-start gap-2 rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800" data-testid="outbox-pending">
          <CloudUpload aria-hidden className="mt-0.5 size-5 shrink-0" />
          <span>
            <strong>{reports(pending)} waiting to send.</strong>{' '}
            {status.needsSignIn ? (
              <>
                Your sign-in has ended:{' '}
                <Link href="/sign-in?callbackUrl=/report" className="underline">
                  sign in again
                </Link>{' '}
                to send {pending === 1 ? 'it' : 'them'}.
              </>
            ) : (
              <>
                Saved on this device; {pending === 1 ? 'it sends' : 'they send'} by {pending === 1 ? 'itself' : 'themselves'} when you are online.
              </>
            )}
          </span>
        </p>
      ) : null}
      {status.failed.filter(mine).map((f) => (
        <div key={f.key} className="flex items-start gap-2 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900" role="alert">
          <TriangleAlert aria-hidden className="mt-0.5 size-5 shrink-0" />
          <div className="min-w-0 flex-1">
            <p>
              <strong>Not sent: {f.summary}.</strong> {f.error} Please tell your manager what happened.
            </p>
            <button type="button" className="mt-1 min-h-11 font-semibold underline" onClick={() => dismissFailed(f.key)}>
              I have told my manager
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * Reports saved here by someone else are never sent as the person now signed in: they go when
 * their own account signs in on this device, or are deleted once someone says so.
 */
function OtherAccountPrompt({ count, owner }: { count: number; owner?: string }) {
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const them = count === 1 ? 'it' : 'them';
  return (
    <section aria-labelledby="outbox-others-title" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-amber-950" data-testid="outbox-other-account">
      <h2 id="outbox-others-title" className="flex items-start gap-2 font-semibold">
        <UserRound aria-hidden className="mt-0.5 size-5 shrink-0" />
        {reports(count)} saved on this phone by another account
      </h2>
      {confirming ? (
        <>
          <p className="mt-1">
            Delete {count === 1 ? 'this report' : `these ${count} reports`}? {count === 1 ? 'It was' : 'They were'} never sent and cannot be recovered.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              disabled={deleting}
              className="min-h-11 rounded-md bg-red-700 px-4 font-semibold text-white"
              onClick={() => {
                setDeleting(true);
                void discardOtherAccounts(owner ?? null).finally(() => setDeleting(false));
              }}
            >
              Delete {them} for good
            </button>
            <button type="button" className="min-h-11 rounded-md border border-slate-400 bg-white px-4 font-semibold" onClick={() => setConfirming(false)}>
              Keep {them}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="mt-1">
            {count === 1 ? 'It has' : 'They have'} not been sent and will not be sent as you. To send {them} as the person who made {them}, sign out and let them sign in on this
            phone.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <form action={signOutAction}>
              <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white">
                Sign out so they can send {them}
              </button>
            </form>
            <button type="button" className="min-h-11 rounded-md border border-red-700 bg-white px-4 font-semibold text-red-800" onClick={() => setConfirming(true)}>
              Delete {them}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
