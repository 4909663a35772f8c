import { ClipboardList, MessageSquare } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PushOptIn } from '@/components/pwa/push-opt-in';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db/client';
import { requirePageActor } from '@/lib/auth/current-actor';
import type { IncidentStatus } from '@/lib/domain/enums';
import { formatDateTime } from '@/lib/domain/format';
import { env } from '@/lib/env';
import { listMyReports } from '@/lib/incidents/list-my-reports';
import { REPORT_TYPES } from '@/components/report/report-types';

export const metadata: Metadata = { title: 'My reports' };

/** Status in the words a colleague would use. */
const STATUS_WORDS: Record<IncidentStatus, { label: string; className: string }> = {
  reported: { label: 'Sent, waiting for a manager', className: 'border-slate-300 bg-slate-100 text-slate-800' },
  triaged: { label: 'Being looked at', className: 'border-sky-300 bg-sky-50 text-sky-900' },
  confirmed: { label: 'Confirmed', className: 'border-green-300 bg-green-50 text-green-900' },
  unfounded: { label: 'Looked into, no further action', className: 'border-slate-300 bg-slate-100 text-slate-800' },
  referred_to_police: { label: 'Passed to the police', className: 'border-indigo-300 bg-indigo-50 text-indigo-900' },
  closed: { label: 'Closed', className: 'border-slate-300 bg-white text-slate-800' },
};

const typeLabel = (t: string) => REPORT_TYPES.find((r) => r.type === t)?.label ?? t;

export default async function MyReportsPage() {
  const actor = await requirePageActor({ action: 'own_reports.read' });
  const reports = await listMyReports(getDb(), actor);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="My reports" description="What you reported and what happened next." />
      <div className="mb-4">
        <PushOptIn publicKey={env.VAPID_PUBLIC_KEY ?? null} />
      </div>
      {reports.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-400 bg-white p-6 text-center">
          <ClipboardList aria-hidden className="mx-auto size-8 text-slate-500" />
          <p className="mt-2 font-semibold">You have not reported anything yet.</p>
          <p className="text-slate-700">When you do, you can follow it here.</p>
          <Link href="/report" className="mt-3 inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white">
            Report something
          </Link>
        </div>
      ) : (
        <ol className="space-y-3" aria-label="Your reports, newest first">
          {reports.map((r) => (
            <li key={r.id} className="rounded-xl border border-slate-300 bg-white p-4" data-testid="my-report">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  {typeLabel(r.type)}
                  {r.zone ? <span className="font-normal text-slate-700"> · {r.zone}</span> : null}
                </h2>
                <span className={`rounded-full border px-2 py-0.5 text-sm font-medium ${STATUS_WORDS[r.status].className}`}>{STATUS_WORDS[r.status].label}</span>
              </div>
              <p className="text-sm text-slate-600">
                {r.ref} · {formatDateTime(r.occurredAt, r.timeZone)} · {r.storeCode}
                {r.policeCrimeRef ? ` · police ref ${r.policeCrimeRef}` : ''}
              </p>
              <ol className="mt-3 space-y-2 border-l-2 border-slate-200 pl-3" aria-label={`What happened to ${r.ref}`}>
                {r.steps.map((s, i) => (
                  <li key={i} className="text-sm">
                    <span className="text-slate-500">{formatDateTime(s.at, r.timeZone)}</span>{' '}
                    {s.kind === 'created' ? (
                      'You sent the report'
                    ) : s.kind === 'status_changed' ? (
                      <strong className="font-medium">{STATUS_WORDS[s.status!]?.label ?? s.status}</strong>
                    ) : (
                      <span className="mt-1 flex items-start gap-2 rounded-md bg-brand-50 p-2 text-slate-900">
                        <MessageSquare aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-700" />
                        <span>
                          <span className="font-medium">{s.from}:</span> {s.text}
                        </span>
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
