// Shared page body of /insights and /insights/stores/[code]: checks the filters and the scope
// before streaming (so an out-of-scope view is a real 403), then streams the dashboard.
import { AlertTriangle } from 'lucide-react';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { Suspense } from 'react';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { insightFiltersSchema } from '@/lib/analytics/filters';
import { insightOptions, resolveInsightScope } from '@/lib/analytics/scope';
import { env } from '@/lib/env';
import { Forbidden, NotFound } from '@/lib/errors';
import { InsightDashboard } from './dashboard';
import { DashboardSkeleton } from './dashboard-skeleton';
import { FilterBar } from './filter-bar';

export async function InsightsView({
  actor,
  searchParams,
  store,
}: {
  actor: Actor;
  searchParams: Record<string, string | string[] | undefined>;
  store?: string;
}) {
  const db = getDb();
  const action = store ? `/insights/stores/${store}` : '/insights';
  let options;
  try {
    options = await insightOptions(db, actor);
  } catch (e) {
    if (!(e instanceof Forbidden)) throw e;
    return (
      <Card>
        <p className="text-slate-700">
          No stores are in your scope yet. Ask an administrator to give you a store or region.
        </p>
      </Card>
    );
  }
  const parsed = insightFiltersSchema.safeParse({ ...searchParams, ...(store ? { store, region: undefined } : {}) });
  if (!parsed.success) {
    const fallback = insightFiltersSchema.parse(store ? { store } : {});
    return (
      <>
        <FilterBar action={action} filters={fallback} options={options} fixedStore={!!store} />
        <Card role="alert" className="border-amber-300 bg-amber-50">
          <p className="flex items-center gap-2 font-medium text-amber-900">
            <AlertTriangle aria-hidden className="size-5" /> Those filters don&apos;t work together.
          </p>
          <ul className="mt-2 list-disc pl-6 text-sm text-slate-800">
            {parsed.error.issues.map((i) => (
              <li key={i.path.join('.') + i.message}>{i.message}</li>
            ))}
          </ul>
          <Link href={action} className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">
            Start again with the last 30 days
          </Link>
        </Card>
      </>
    );
  }
  const filters = parsed.data;
  try {
    await resolveInsightScope(db, actor, filters);
  } catch (e) {
    if (e instanceof Forbidden) forbidden();
    if (e instanceof NotFound) notFound();
    throw e;
  }
  const key = JSON.stringify(filters);
  return (
    <>
      <FilterBar action={action} filters={filters} options={options} fixedStore={!!store} />
      <Suspense key={key} fallback={<DashboardSkeleton />}>
        <InsightDashboard db={db} actor={actor} filters={filters} mapboxToken={env.MAPBOX_TOKEN} drillDown={!!store} />
      </Suspense>
    </>
  );
}
