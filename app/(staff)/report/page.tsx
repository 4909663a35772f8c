import { Megaphone, Siren } from 'lucide-react';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardTitle } from '@/components/ui/card';
import { requirePageActor } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Report something' };

export default async function ReportPage() {
  const actor = await requirePageActor({ roles: ['colleague', 'security', 'store_manager'] });
  const store = actor.stores[0];
  return (
    <>
      <PageHeader title="Report something" description={store ? `You are reporting for store ${store.code}.` : undefined} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <CardTitle className="flex items-center gap-2">
            <Megaphone aria-hidden className="size-5 text-brand-700" />
            Quick report
          </CardTitle>
          <p className="mt-2 text-slate-700">
            The 30-second report form is on its way. Until it arrives, tell your duty manager what happened and they will
            record it in the store console.
          </p>
        </Card>
        <Card>
          <CardTitle className="flex items-center gap-2">
            <Siren aria-hidden className="size-5 text-red-700" />
            Get help now
          </CardTitle>
          <p className="mt-2 text-slate-700">If anyone is in danger, call 999. Do not put yourself at risk.</p>
        </Card>
      </div>
    </>
  );
}
