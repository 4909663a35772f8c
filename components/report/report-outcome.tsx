'use client';

import { CheckCircle2, CloudUpload } from 'lucide-react';
import Link from 'next/link';
import type { ReportOutcome } from './report-form';
import { VIOLENT_TYPES } from './report-types';
import { type SupportOption, SupportOptions } from './support-options';

/** What happened to the report just made, and support after violence or abuse. */
export function ReportOutcomePanel({
  outcome,
  supportOptions,
  onAnother,
}: {
  outcome: ReportOutcome;
  supportOptions: SupportOption[];
  onAnother: () => void;
}) {
  return (
    <section aria-labelledby="outcome-heading" className="space-y-4">
      <div className="rounded-xl border border-slate-300 bg-white p-4" role="status">
        {outcome.status === 'sent' ? (
          <h2 id="outcome-heading" className="flex items-center gap-2 text-xl font-semibold text-green-800">
            <CheckCircle2 aria-hidden className="size-6 shrink-0" />
            Report sent: {outcome.ref}
          </h2>
        ) : (
          <h2 id="outcome-heading" className="flex items-center gap-2 text-xl font-semibold text-brand-800">
            <CloudUpload aria-hidden className="size-6 shrink-0" />
            Saved on this phone, will send when online
          </h2>
        )}
        <p className="mt-1 text-slate-700">
          {outcome.status === 'sent'
            ? 'Thank you. Your manager will look at it; you can follow it in My reports.'
            : 'Thank you. You can close the app: it sends by itself when there is signal.'}
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          <button
            type="button"
            className="min-h-12 rounded-lg bg-brand-700 px-4 font-semibold text-white"
            onClick={onAnother}
          >
            Report something else
          </button>
          <Link
            href="/my-reports"
            className="inline-flex min-h-12 items-center rounded-lg border border-slate-400 px-4 font-semibold"
          >
            My reports
          </Link>
        </div>
      </div>
      {VIOLENT_TYPES.includes(outcome.type) ? <SupportOptions options={supportOptions} /> : null}
    </section>
  );
}
