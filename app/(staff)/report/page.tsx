import type { Metadata } from 'next';
import { ReportScreen } from '@/components/report/report-screen';
import { getDb } from '@/db/client';
import { requirePageActor } from '@/lib/auth/current-actor';
import { reportContext } from '@/lib/staff/report-context';

export const metadata: Metadata = { title: 'Report something' };

export default async function ReportPage({ searchParams }: { searchParams: Promise<{ store?: string }> }) {
  const actor = await requirePageActor({ action: 'staff_app.use' });
  const { store: storeParam } = await searchParams;
  const ctx = await reportContext(getDb(), actor, typeof storeParam === 'string' ? storeParam : undefined);
  return (
    <>
      <h1 className="sr-only">Report something</h1>
      <p className="mx-auto mb-3 max-w-xl text-slate-700">
        Reporting for <strong>{ctx.store.name}</strong> ({ctx.store.code})
      </p>
      <ReportScreen owner={actor.id} store={ctx.store.code} zones={ctx.zones} emergencyInstructions={ctx.store.emergencyInstructions} supportOptions={ctx.supportOptions} />
    </>
  );
}
