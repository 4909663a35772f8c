'use client';

import { CloudUpload, TriangleAlert, WifiOff } from 'lucide-react';
import Link from 'next/link';
import { dismissFailed, type OutboxStatus } from '@/lib/client/outbox';

/** Offline state, what is waiting to be sent, and anything the server refused. */
export function OutboxBanner({ status, online }: { status: OutboxStatus; online: boolean }) {
  const pending = status.pending.length;
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
      {pending > 0 ? (
        <p className="flex items-start gap-2 rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800" data-testid="outbox-pending">
          <CloudUpload aria-hidden className="mt-0.5 size-5 shrink-0" />
          <span>
            <strong>
              {pending} {pending === 1 ? 'report' : 'reports'} waiting to send.
            </strong>{' '}
            {status.needsSignIn ? (
              <>
                Your sign-in has ended: <Link href="/sign-in?callbackUrl=/report" className="underline">sign in again</Link> to send {pending === 1 ? 'it' : 'them'}.
              </>
            ) : (
              <>Saved on this device; {pending === 1 ? 'it sends' : 'they send'} by {pending === 1 ? 'itself' : 'themselves'} when you are online.</>
            )}
          </span>
        </p>
      ) : null}
      {status.failed.map((f) => (
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
