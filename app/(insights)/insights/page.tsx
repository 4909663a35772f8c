import type { Metadata } from 'next';
import { InsightsView } from '@/components/insights/insights-view';
import { PrintButton } from '@/components/insights/print-button';
import { PageHeader } from '@/components/shell/page-header';
import { requirePageActor } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Insights' };

export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor({ action: 'insights.read' });
  return (
    <>
      <PageHeader
        title="Insights"
        description="Where and when incidents happen in your stores, and what to protect next."
      >
        <PrintButton />
      </PageHeader>
      <InsightsView actor={actor} searchParams={await searchParams} />
    </>
  );
}
