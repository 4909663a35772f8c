import type { Metadata } from 'next';
import { IncidentTable } from '@/components/incidents/incident-table';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { requirePageActor } from '@/lib/auth/current-actor';
import { listIncidents } from '@/lib/incidents/list-incidents';

export const metadata: Metadata = { title: 'Cases' };

export default async function CasesPage() {
  const actor = await requirePageActor({ action: 'case.read' });
  const referred = await listIncidents(getDb(), actor, { status: 'referred_to_police', limit: 20 });
  return (
    <>
      <PageHeader title="Cases" description="Link incidents to repeat offenders and build evidence packs. Case files are coming next." />
      <Card>
        <CardTitle className="mb-3">Recently referred to police</CardTitle>
        <IncidentTable rows={referred} caption="Incidents recently referred to police" showStore />
      </Card>
    </>
  );
}
