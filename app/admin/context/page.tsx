import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { AdminNav } from '@/components/admin/admin-nav';
import { formatMonthSpan } from '@/components/insights/format';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardTitle } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { getDb } from '@/db/client';
import { requirePageActor } from '@/lib/auth/current-actor';
import { canManageContext } from '@/lib/context/access';
import { listPoliceImports } from '@/lib/context/import-police-crimes';
import { LOCAL_RADIUS_METRES, OGL_ATTRIBUTION, OGL_URL, POLICE_DATA_URL } from '@/lib/context/police-data';
import { formatDateTime } from '@/lib/domain/format';
import { DeleteImportButton } from './delete-import-button';
import { ImportForm } from './import-form';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Context data' };

const n = (v: number) => v.toLocaleString('en-GB');

export default async function ContextDataPage() {
  const actor = await requirePageActor({ action: 'context.manage' });
  // An administrator of only some stores may not manage chain-wide data: a 403 page, not an error.
  if (!canManageContext(actor)) forbidden();
  const imports = await listPoliceImports(getDb(), actor);
  return (
    <>
      <PageHeader
        title="Context data"
        description="Public police data shown beside your own figures on Insights, so managers can see the shoplifting around each store."
      />
      <AdminNav current="/admin/context" />
      <div className="grid gap-4 lg:grid-cols-[1fr_24rem]">
        <Card>
          <CardTitle className="mb-3">Imported police.uk files</CardTitle>
          {imports.length === 0 ? (
            <EmptyState>
              No police data yet. Import a street-level crime file to show police-recorded shoplifting within{' '}
              {LOCAL_RADIUS_METRES / 1000} km of each store on Insights.
            </EmptyState>
          ) : (
            <DataTable
              caption="Imported police.uk street-level crime files, newest first"
              columns={[
                { label: 'File' },
                { label: 'Months' },
                { label: 'Crimes added', className: 'text-right' },
                { label: 'Already imported', className: 'text-right' },
                { label: 'Without a location', className: 'text-right' },
                { label: 'Imported' },
                { label: <span className="sr-only">Actions</span> },
              ]}
            >
              {imports.map((i) => (
                <tr key={i.id}>
                  <td className="min-w-36 py-2 pr-3 font-medium [overflow-wrap:anywhere]">{i.fileName}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {i.monthFrom && i.monthTo ? formatMonthSpan(i.monthFrom, i.monthTo) : '—'}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{n(i.rowsAdded)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{n(i.rowsDuplicate)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{n(i.rowsWithoutLocation)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {formatDateTime(i.importedAt)}
                    {i.importedBy && <span className="block text-xs text-slate-600">{i.importedBy}</span>}
                  </td>
                  <td className="py-2 text-right">
                    <DeleteImportButton id={i.id} fileName={i.fileName} rowsAdded={i.rowsAdded} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <p className="mt-3 text-xs text-slate-600">
            <a href={OGL_URL} className="underline">
              {OGL_ATTRIBUTION}
            </a>{' '}
            Source:{' '}
            <a href={POLICE_DATA_URL} className="underline">
              data.police.uk
            </a>
            .
          </p>
        </Card>
        <Card>
          <CardTitle className="mb-2">Import police-recorded crime</CardTitle>
          <div className="space-y-2 text-sm text-slate-700">
            <p>
              data.police.uk publishes the crimes each police force in England, Wales and Northern Ireland records,
              month by month and about two months behind, each placed at an anonymous map point near where it happened.
              Vigil counts the shoplifting within {LOCAL_RADIUS_METRES / 1000} km of each store.
            </p>
            <ol className="list-decimal space-y-1 pl-5">
              <li>
                Open{' '}
                <a href={POLICE_DATA_URL} className="font-medium text-brand-700 underline">
                  data.police.uk/data
                </a>
                , choose the months and the forces around your stores, tick <strong>Include crime data</strong> and
                generate the file.
              </li>
              <li>
                Unzip the download. Each <code className="font-mono text-xs">…-street.csv</code> file is one force and
                month (the street-level crime CSV).
              </li>
              <li>Import each street file here. A file imported twice adds nothing the second time.</li>
            </ol>
          </div>
          <div className="mt-4">
            <ImportForm />
          </div>
        </Card>
      </div>
    </>
  );
}
