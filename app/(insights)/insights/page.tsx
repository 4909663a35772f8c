import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/shell/page-header';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { storeSummary } from '@/lib/analytics/store-summary';
import { requirePageActor } from '@/lib/auth/current-actor';
import { INSIGHT_ROLES } from '@/lib/auth/permissions';
import { formatPence } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Insights' };

export default async function InsightsPage() {
  const actor = await requirePageActor({ roles: INSIGHT_ROLES });
  const rows = await storeSummary(getDb(), actor, 30);
  const total = rows.reduce((s, r) => s + r.incidents, 0);
  const loss = rows.reduce((s, r) => s + (r.lossPence ?? 0), 0);
  return (
    <>
      <PageHeader
        title="Insights"
        description="Where and when incidents happen in your stores. Maps and charts are coming next."
      />
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <Card>
          <p className="text-sm text-slate-700">Incidents, last 30 days</p>
          <p className="text-3xl font-semibold tabular-nums">{total.toLocaleString('en-GB')}</p>
        </Card>
        <Card>
          <p className="text-sm text-slate-700">Estimated loss, last 30 days</p>
          <p className="text-3xl font-semibold tabular-nums">{formatPence(loss)}</p>
        </Card>
        <Card>
          <p className="text-sm text-slate-700">Stores</p>
          <p className="text-3xl font-semibold tabular-nums">{rows.length}</p>
        </Card>
      </div>
      <Card>
        <h2 className="mb-3 text-base font-semibold">Which stores had the most incidents in the last 30 days?</h2>
        {rows.length === 0 ? (
          <p className="text-slate-700">
            No stores are in your scope yet. Ask an administrator to give you a store or region.
          </p>
        ) : (
          <DataTable
            caption="Incidents and losses per store, last 30 days"
            columns={[
              { label: 'Store' },
              { label: 'Region' },
              { label: 'Incidents', className: 'text-right' },
              { label: 'Violence & abuse', className: 'text-right' },
              { label: 'Loss', className: 'text-right' },
            ]}
          >
            {rows.map((r) => (
              <tr key={r.code}>
                <td className="py-2 pr-4">
                  {r.name} <span className="text-slate-600">({r.code})</span>
                </td>
                <td className="py-2 pr-4">{r.region}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{r.incidents}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{r.violence}</td>
                <td className="py-2 text-right tabular-nums">{formatPence(r.lossPence ?? 0)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
