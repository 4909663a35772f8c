'use client';

import { CheckCircle2 } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { useOutbox } from '@/components/pwa/use-outbox';
import { QUEUED_BY_HEADER } from '@/lib/staff/outbox-owner';
import { PanicButton } from './panic-button';
import { ReportForm, type ReportOutcome, type Zone } from './report-form';
import type { SupportOption } from './support-options';

// Shown after sending; its own chunk, fetched when the page is idle (see report-form.tsx).
const loadOutcome = () => import('./report-outcome').then((m) => m.ReportOutcomePanel);
const ReportOutcomePanel = dynamic(loadOutcome);
// The banner only has something to say once the service worker reports (offline, waiting, refused).
const loadBanner = () => import('@/components/pwa/outbox-banner').then((m) => m.OutboxBanner);
const OutboxBanner = dynamic(loadBanner);

// Their data-free offline copies (My reports holds the person's own reports, so it has none).
const WARM = ['/report', '/help'] as const;

/** The phone app's report page: panic, outbox state, the form, then what happened to it. */
export function ReportScreen({
  owner,
  store,
  zones,
  emergencyInstructions,
  supportOptions,
}: {
  /** The signed-in user's id: whatever waits in the outbox is sent only with their session. */
  owner: string;
  store: string;
  zones: Zone[];
  emergencyInstructions: string | null;
  supportOptions: SupportOption[];
}) {
  const { status, online, offlineReady } = useOutbox(WARM);
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  const [formKey, setFormKey] = useState(0);
  const queuedBy = { [QUEUED_BY_HEADER]: owner };
  useEffect(() => {
    void loadOutcome();
    void loadBanner();
  }, []);

  return (
    <div className="mx-auto max-w-xl space-y-5">
      <PanicButton store={store} emergencyInstructions={emergencyInstructions} extraHeaders={queuedBy} />
      <OutboxBanner status={status} online={online} owner={owner} />
      {offlineReady && online ? (
        <p className="flex items-center gap-1 text-sm text-slate-600" data-testid="offline-ready">
          <CheckCircle2 aria-hidden className="size-4 text-green-700" /> Ready to work offline on this device
        </p>
      ) : null}
      {outcome ? (
        <ReportOutcomePanel
          outcome={outcome}
          supportOptions={supportOptions}
          onAnother={() => {
            setOutcome(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <ReportForm key={formKey} store={store} zones={zones} onSubmitted={setOutcome} extraHeaders={queuedBy} />
      )}
    </div>
  );
}
