import { CloudUpload, Download, Siren } from 'lucide-react';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { SupportOptions } from '@/components/report/support-options';
import { getDb } from '@/db/client';
import { requirePageActor } from '@/lib/auth/current-actor';
import { AppError } from '@/lib/errors';
import { type ReportContext, reportContext } from '@/lib/staff/report-context';

export const metadata: Metadata = { title: 'Help' };

export default async function HelpPage() {
  const actor = await requirePageActor({ action: 'own_reports.read' });
  const ctx: ReportContext | null = await reportContext(getDb(), actor, undefined).catch((e: unknown) => {
    if (e instanceof AppError) return null;
    throw e;
  });
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <PageHeader title="Help" description="Staying safe, reporting, and support." />
      <section aria-labelledby="danger" className="rounded-xl border-2 border-red-700 bg-red-50 p-4">
        <h2 id="danger" className="flex items-center gap-2 text-lg font-semibold text-red-900">
          <Siren aria-hidden className="size-5" /> If anyone is in danger
        </h2>
        <p className="mt-1 text-slate-900">{ctx?.store.emergencyInstructions ?? 'Call 999. Do not put yourself at risk: let offenders go. Then tell the duty manager.'}</p>
        <a href="tel:999" className="mt-2 inline-flex min-h-12 items-center rounded-md border-2 border-red-700 bg-white px-4 font-bold text-red-800">
          Call 999
        </a>
        <p className="mt-2 text-sm text-slate-800">
          The <strong>Get help now</strong> button on the report page alerts security and the duty manager at once: press and hold it until the bar fills.
        </p>
      </section>
      <section aria-labelledby="reporting" className="rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="reporting" className="flex items-center gap-2 text-lg font-semibold">
          <CloudUpload aria-hidden className="size-5" /> Reporting without signal
        </h2>
        <p className="mt-1 text-slate-700">
          You can report with no signal. The report, and any photos, are kept on this device and sent by themselves when you are back online, even if you close the app. The report page shows how many are waiting.
        </p>
      </section>
      <section aria-labelledby="install" className="rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="install" className="flex items-center gap-2 text-lg font-semibold">
          <Download aria-hidden className="size-5" /> Put Vigil on your home screen
        </h2>
        <p className="mt-1 text-slate-700">
          Android (Chrome): open the menu and choose <strong>Install app</strong>. iPhone (Safari): tap Share, then <strong>Add to Home Screen</strong>.
        </p>
      </section>
      {ctx ? <SupportOptions options={ctx.supportOptions} /> : null}
    </div>
  );
}
