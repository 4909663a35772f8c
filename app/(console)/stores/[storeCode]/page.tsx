import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AlertFeed, type FeedAlert } from '@/components/console/alert-feed';
import { SoundToggle } from '@/components/console/sound-toggle';
import { IncidentTable } from '@/components/incidents/incident-table';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { stores } from '@/db/schema';
import { listAssignableColleagues } from '@/lib/alerts/assign-alert';
import { listAlerts } from '@/lib/alerts/list-alerts';
import { storeResponseTimes } from '@/lib/alerts/response-times';
import { requirePageActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/auth/policy';
import { formatDuration } from '@/lib/domain/duration';
import { listIncidents } from '@/lib/incidents/list-incidents';
import { triageQueue } from '@/lib/incidents/triage-queue';
import { TriageQueue } from './_components/triage-queue';
import { IncomingReports } from '@/components/console/incoming-reports';
import { WellbeingChecks } from './_components/wellbeing-checks';
import { PushOptIn } from '@/components/pwa/push-opt-in';
import { env } from '@/lib/env';
import { listWellbeingChecks } from '@/lib/wellbeing/list-wellbeing-checks';

export const metadata: Metadata = { title: 'Store console' };

function ResponseFigures({ label, t }: { label: string; t: { alerts: number; mttaSeconds: number | null; mttrSeconds: number | null } }) {
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700">{label}</h3>
      <dl className="mt-1 grid grid-cols-3 gap-2 text-center">
        <div><dt className="text-xs text-slate-600">Alerts</dt><dd className="text-xl font-semibold tabular-nums">{t.alerts}</dd></div>
        <div><dt className="text-xs text-slate-600"><abbr title="Mean time to acknowledge">MTTA</abbr></dt><dd className="text-xl font-semibold tabular-nums">{formatDuration(t.mttaSeconds)}</dd></div>
        <div><dt className="text-xs text-slate-600"><abbr title="Mean time to resolve">MTTR</abbr></dt><dd className="text-xl font-semibold tabular-nums">{formatDuration(t.mttrSeconds)}</dd></div>
      </dl>
    </div>
  );
}

const RECENTLY_RESOLVED_MS = 12 * 3600_000;

export default async function StoreConsolePage({ params, searchParams }: { params: Promise<{ storeCode: string }>; searchParams: Promise<{ incident?: string | string[] }> }) {
  const { storeCode } = await params;
  // "Open it in the triage queue" from an alert lands here with that incident opened.
  const { incident: openRef } = await searchParams;
  const db = getDb();
  const [store] = await db.select().from(stores).where(eq(stores.code, storeCode));
  if (!store) notFound();
  const actor = await requirePageActor({ action: 'console.view', storeId: store.id });
  // Read before the alerts, so the feed's catch-up covers anything raised in between.
  const loadedAt = new Date().toISOString();
  const canAct = can(actor, 'alert.act', { storeId: store.id });
  const [incidents, recent, times, queue, colleagues, checks] = await Promise.all([
    listIncidents(db, actor, { store: store.code, limit: 15 }),
    // Everything still needing someone, and what was resolved this shift: the feed's "Recently resolved".
    listAlerts(db, actor, { store: store.code, resolvedSince: new Date(Date.parse(loadedAt) - RECENTLY_RESOLVED_MS), limit: 200 }),
    storeResponseTimes(db, actor, store),
    triageQueue(db, actor, store.id),
    canAct ? listAssignableColleagues(db, actor, store.id) : [],
    can(actor, 'wellbeing.manage', { storeId: store.id }) ? listWellbeingChecks(db, actor, store.id) : null,
  ]);
  return (
    <>
      <PageHeader title={store.name} description={`Store ${store.code} · ${store.address}, ${store.postcode}`}>
        <div className="flex flex-wrap items-center gap-2">
          <PushOptIn publicKey={env.VAPID_PUBLIC_KEY ?? null} label="Critical alerts on this device" />
          <SoundToggle />
        </div>
      </PageHeader>
      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <Card>
          <AlertFeed
            storeCode={store.code}
            initial={recent as FeedAlert[]}
            loadedAt={loadedAt}
            canAct={canAct}
            colleagues={colleagues.map(({ id, name }) => ({ id, name }))}
            timeZone={store.timezone}
          />
        </Card>
        <Card className="space-y-4">
          <CardTitle>How fast we respond</CardTitle>
          <ResponseFigures label="Today" t={times.today} />
          <ResponseFigures label="Last 7 days" t={times.week} />
          {checks ? <WellbeingChecks checks={checks.map((c) => ({ ...c, dueAt: c.dueAt.toISOString(), overdue: c.dueAt < new Date(loadedAt) }))} timeZone={store.timezone} /> : null}
        </Card>
      </div>
      <Card className="mt-4">
        <CardTitle className="mb-1">Reports waiting for action</CardTitle>
        <p className="mb-3 text-sm text-slate-700">Open one to see its timeline and move it on.</p>
        <IncomingReports storeCode={store.code} knownRefs={queue.map((q) => q.ref)} />
        <TriageQueue queue={queue} openRef={typeof openRef === 'string' ? openRef : undefined} />
      </Card>
      <Card className="mt-4">
        <CardTitle className="mb-3">Latest incidents</CardTitle>
        <IncidentTable rows={incidents} caption={`Latest incidents at ${store.name}`} />
      </Card>
    </>
  );
}
