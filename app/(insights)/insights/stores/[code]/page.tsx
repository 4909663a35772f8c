import { eq } from 'drizzle-orm';
import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InsightsView } from '@/components/insights/insights-view';
import { PrintButton } from '@/components/insights/print-button';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db/client';
import { regions, stores } from '@/db/schema';
import { requirePageActor } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Store insights' };

export default async function StoreInsightsPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const [store] = await getDb()
    .select({ id: stores.id, code: stores.code, name: stores.name, address: stores.address, region: regions.name })
    .from(stores)
    .innerJoin(regions, eq(regions.id, stores.regionId))
    .where(eq(stores.code, code.toUpperCase()));
  if (!store) notFound();
  const actor = await requirePageActor({ action: 'insights.read', storeId: store.id });
  return (
    <>
      <Link
        href="/insights"
        className="mb-2 inline-flex items-center gap-1 text-sm font-medium text-brand-700 underline print:hidden"
      >
        <ArrowLeft aria-hidden className="size-4" /> All stores
      </Link>
      <PageHeader title={store.name} description={`Store ${store.code} · ${store.region} · ${store.address}`}>
        <PrintButton />
      </PageHeader>
      <InsightsView actor={actor} searchParams={await searchParams} store={store.code} />
    </>
  );
}
