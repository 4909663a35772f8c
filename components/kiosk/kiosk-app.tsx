'use client';

import { CheckCircle2, CloudUpload, LogOut } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { OutboxBanner } from '@/components/pwa/outbox-banner';
import { useOutbox } from '@/components/pwa/use-outbox';
import { PanicButton } from '@/components/report/panic-button';
import { ReportForm, type ReportOutcome, type Zone } from '@/components/report/report-form';
import { VIOLENT_TYPES } from '@/components/report/report-types';
import { type SupportOption, SupportOptions } from '@/components/report/support-options';
import { KIOSK_COLLEAGUE_HEADER } from '@/lib/kiosk/kiosk-header';
import type { KioskAlert } from '@/lib/realtime/kiosk-payload';
import { KioskAlertsBanner } from './kiosk-alerts-banner';
import { type Colleague, PinEntry } from './pin-entry';

const WARNING_SECONDS = 10;

/**
 * The shared in-store screen: identify with staff number + PIN, report, done. After
 * `idleSeconds` without a touch it forgets the colleague and everything typed, and goes
 * back to the start (a warning shows for the last 10 seconds).
 */
export function KioskApp({
  store,
  storeName,
  zones,
  emergencyInstructions,
  supportOptions,
  alerts,
  idleSeconds,
}: {
  store: string;
  storeName: string;
  zones: Zone[];
  emergencyInstructions: string | null;
  supportOptions: SupportOption[];
  alerts: KioskAlert[];
  idleSeconds: number;
}) {
  const { status, online } = useOutbox([`/kiosk/${store}`]);
  const [colleague, setColleague] = useState<Colleague | null>(null);
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  // Bumping the generation remounts the PIN pad and the form: nothing typed survives a reset.
  const [generation, setGeneration] = useState(0);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastTouch = useRef(0);
  // Anything touched since the last reset (a staff number half typed counts) must be cleared when idle.
  const inUse = useRef(false);

  const reset = useCallback(() => {
    inUse.current = false;
    setColleague(null);
    setOutcome(null);
    setSecondsLeft(null);
    setGeneration((g) => g + 1);
    window.scrollTo(0, 0);
  }, []);

  useEffect(() => {
    const touched = () => {
      lastTouch.current = Date.now();
      inUse.current = true;
      setSecondsLeft(null);
    };
    const events = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, touched, { passive: true });
    const timer = setInterval(() => {
      if (!inUse.current) return;
      const left = idleSeconds - Math.floor((Date.now() - lastTouch.current) / 1000);
      if (left <= 0) reset();
      else if (left <= WARNING_SECONDS) setSecondsLeft(left);
    }, 1000);
    return () => {
      for (const e of events) window.removeEventListener(e, touched);
      clearInterval(timer);
    };
  }, [idleSeconds, reset]);

  return (
    <div className="kiosk mx-auto max-w-3xl space-y-4 p-4" data-kiosk-session key={generation}>
      <header className="flex items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Vigil · {storeName}</h1>
          <p className="text-lg text-slate-700">{colleague ? `Hello ${colleague.firstName}. Reporting as you.` : 'Report something, or get help now.'}</p>
        </div>
        {colleague ? (
          <button type="button" onClick={reset} className="flex min-h-14 items-center gap-2 rounded-lg border-2 border-slate-900 px-4 text-lg font-semibold">
            <LogOut aria-hidden className="size-5" /> Finish
          </button>
        ) : null}
      </header>

      <OutboxBanner status={status} online={online} />
      <KioskAlertsBanner initial={alerts} />
      <PanicButton store={store} emergencyInstructions={emergencyInstructions} large />

      {!colleague ? (
        <section aria-labelledby="start-heading" className="rounded-xl border-2 border-slate-900 bg-white p-4">
          <h2 id="start-heading" className="mb-3 text-2xl font-bold">
            Report something
          </h2>
          <PinEntry online={online} onIdentified={setColleague} />
        </section>
      ) : outcome ? (
        <section aria-labelledby="kiosk-done" className="space-y-4">
          <div className="rounded-xl border-2 border-slate-900 bg-white p-4" role="status">
            <h2 id="kiosk-done" className="flex items-center gap-2 text-2xl font-bold">
              {outcome.status === 'sent' ? <CheckCircle2 aria-hidden className="size-7 text-green-700" /> : <CloudUpload aria-hidden className="size-7 text-brand-700" />}
              {outcome.status === 'sent' ? `Report sent: ${outcome.ref}` : 'Saved on this kiosk, will send when online'}
            </h2>
            <p className="mt-1 text-lg">Thank you. You can follow it in My reports on your phone.</p>
            <button type="button" onClick={reset} className="mt-3 min-h-14 rounded-lg bg-slate-900 px-6 text-lg font-bold text-white">
              Done
            </button>
          </div>
          {VIOLENT_TYPES.includes(outcome.type) ? <SupportOptions options={supportOptions} /> : null}
        </section>
      ) : (
        <ReportForm store={store} zones={zones} onSubmitted={setOutcome} extraHeaders={{ [KIOSK_COLLEAGUE_HEADER]: colleague.token }} />
      )}

      {secondsLeft !== null ? (
        <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/70 p-6">
          <div className="max-w-md rounded-xl bg-white p-6 text-center">
            <h2 id="idle-title" className="text-2xl font-bold">
              Still there?
            </h2>
            <p className="mt-2 text-lg">For privacy this screen clears in {secondsLeft} seconds.</p>
            <button type="button" autoFocus onClick={() => setSecondsLeft(null)} className="mt-4 min-h-14 w-full rounded-lg bg-brand-700 text-xl font-bold text-white">
              I am still here
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
