'use client';

import { Siren } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { sendThroughOutbox } from '@/lib/client/outbox';
import { clsx as cn } from 'clsx';

export const HOLD_MS = 1500;

type State = { kind: 'idle' } | { kind: 'holding' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'queued' } | { kind: 'error'; message: string };

/**
 * "Get help now": press and hold for 1.5 s (a ring fills, the phone buzzes) so a pocket
 * tap never raises a panic. Works with touch, mouse and the keyboard (hold Space or Enter).
 */
export function PanicButton({
  store,
  zoneId,
  emergencyInstructions,
  large = false,
  extraHeaders = {},
}: {
  store: string;
  zoneId?: string;
  emergencyInstructions: string | null;
  large?: boolean;
  /** The app names the signed-in account, so a press kept offline is only ever sent as them. */
  extraHeaders?: Record<string, string>;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [progress, setProgress] = useState(0);
  const started = useRef<number | null>(null);
  const frame = useRef<number | null>(null);

  useEffect(() => () => void (frame.current && cancelAnimationFrame(frame.current)), []);

  async function fire() {
    setState({ kind: 'sending' });
    navigator.vibrate?.([80, 60, 80]);
    const result = await sendThroughOutbox(
      '/api/panic',
      JSON.stringify({ store, ...(zoneId ? { zoneId } : {}), pressedAt: new Date().toISOString() }),
      { ...extraHeaders, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      'Panic alert',
    );
    if (result.status === 'sent') setState({ kind: 'sent' });
    else if (result.status === 'queued') setState({ kind: 'queued' });
    else setState({ kind: 'error', message: result.message });
  }

  function tick() {
    if (started.current === null) return;
    const p = Math.min(1, (performance.now() - started.current) / HOLD_MS);
    setProgress(p);
    if (p >= 1) {
      started.current = null;
      setProgress(0);
      void fire();
      return;
    }
    frame.current = requestAnimationFrame(tick);
  }

  function begin() {
    if (started.current !== null || state.kind === 'sending') return;
    started.current = performance.now();
    setState({ kind: 'holding' });
    navigator.vibrate?.(30);
    frame.current = requestAnimationFrame(tick);
  }

  function cancel() {
    if (started.current === null) return;
    started.current = null;
    if (frame.current) cancelAnimationFrame(frame.current);
    setProgress(0);
    setState({ kind: 'idle' });
  }

  const done = state.kind === 'sent' || state.kind === 'queued';

  return (
    <section aria-labelledby="panic-heading" className="rounded-xl border-2 border-red-700 bg-red-50 p-4">
      <h2 id="panic-heading" className="sr-only">
        Get help now
      </h2>
      <button
        type="button"
        data-testid="panic-button"
        aria-describedby="panic-how"
        className={cn(
          'relative flex w-full touch-none items-center justify-center gap-3 overflow-hidden rounded-lg bg-red-700 font-bold text-white select-none',
          large ? 'min-h-24 text-2xl' : 'min-h-16 text-xl',
        )}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          begin();
        }}
        onPointerUp={cancel}
        onPointerCancel={cancel}
        onPointerLeave={cancel}
        onKeyDown={(e) => {
          if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) {
            e.preventDefault();
            begin();
          }
        }}
        onKeyUp={(e) => {
          if (e.key === ' ' || e.key === 'Enter') cancel();
        }}
        onContextMenu={(e) => e.preventDefault()}
      >
        <span aria-hidden className="absolute inset-y-0 left-0 bg-red-950/50" style={{ width: `${progress * 100}%` }} />
        <Siren aria-hidden className="relative size-7" />
        <span className="relative">{state.kind === 'holding' ? 'Keep holding…' : state.kind === 'sending' ? 'Sending…' : 'Get help now'}</span>
      </button>
      <p id="panic-how" className="mt-2 text-sm text-red-950">
        Press and hold until the bar fills. Security and the duty manager are alerted straight away.
      </p>
      <div aria-live="assertive" role="status">
        {state.kind === 'sent' ? <p className="mt-3 rounded-md bg-white p-3 font-semibold text-red-900">Help is on the way. Security and the duty manager have been alerted.</p> : null}
        {state.kind === 'queued' ? (
          <p className="mt-3 rounded-md bg-white p-3 font-semibold text-red-900">
            You are offline, so the alert could not be sent yet. It will send as soon as there is signal. If anyone is in danger, call 999 now.
          </p>
        ) : null}
        {state.kind === 'error' ? <p className="mt-3 rounded-md bg-white p-3 font-semibold text-red-900">The alert did not go through: {state.message} If anyone is in danger, call 999 now.</p> : null}
      </div>
      {done || state.kind === 'error' ? (
        <div className="mt-3 rounded-md border border-red-300 bg-white p-3 text-slate-900">
          <h3 className="font-semibold">What to do now</h3>
          <p className="mt-1">{emergencyInstructions ?? 'If anyone is in danger call 999. Do not put yourself at risk.'}</p>
          <a href="tel:999" className="mt-2 inline-flex min-h-12 items-center rounded-md border-2 border-red-700 px-4 font-bold text-red-800">
            Call 999
          </a>
        </div>
      ) : null}
    </section>
  );
}
