import { and, count, eq, ne } from 'drizzle-orm';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IncidentTable } from '@/components/incidents/incident-table';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { alerts, stores } from '@/db/schema';
import { requirePageActor } from '@/lib/auth/current-actor';
import { STORE_OVERSIGHT } from '@/lib/auth/permissions';
import { listIncidents } from '@/lib/incidents/list-incidents';

export const metadata: Metadata = { title: 'Store console' };

export default async function StoreConsolePage({ params }: { params: Promise<{ storeCode: string }> }) {
  const { storeCode } = await params;
  const db = getDb();
  const [store] = await db.select().from(stores).where(eq(stores.code, storeCode));
  if (!store) notFound();
  const actor = await requirePageActor({ roles: STORE_OVERSIGHT, storeId: store.id });
  const [incidents, [open]] = await Promise.all([
    listIncidents(db, actor, { store: store.code, limit: 15 }),
    db.select({ n: count() }).from(alerts).where(and(eq(alerts.storeId, store.id), ne(alerts.status, 'resolved'))),
  ]);
  return (
    <>
      <PageHeader title={store.name} description={`Store ${store.code} · ${store.address}, ${store.postcode}`} />
      <div className="grid gap-4 lg:grid-cols-[1fr_18rem]">
        <Card>
          <CardTitle className="mb-3">Latest incidents</CardTitle>
          <IncidentTable rows={incidents} caption={`Latest incidents at ${store.name}`} />
        </Card>
        <Card>
          <CardTitle>Live alerts</CardTitle>
          <p className="mt-2 text-3xl font-semibold tabular-nums">{open?.n ?? 0}</p>
          <p className="text-sm text-slate-700">open or waiting for action. The live alert feed arrives with the console release.</p>
        </Card>
      </div>
    </>
  );
}
