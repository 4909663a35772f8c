import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { formatPence } from '@/lib/domain/format';
import { Change } from './chart-card';
import { Flags } from './flags';
import { formatCount } from './format';

export type StoreRow = {
  code: string;
  name: string;
  regionName: string;
  incidents: number;
  previousIncidents: number;
  ratePerDay: number;
  lossPence: number;
  hotspot: boolean;
  emerging: boolean;
  reasons: string[];
};

/** Police-recorded shoplifting near each store (the optional context layer); null = no imported data reaches it. */
export type StorePolice = { byCode: Record<string, number | null>; months: string; radius: string };

export function StoreTable({ stores, caption, police }: { stores: StoreRow[]; caption: string; police?: StorePolice }) {
  const regions = new Set(stores.map((s) => s.regionName)).size;
  const sorted = [...stores].sort(
    (a, b) =>
      Number(b.hotspot) - Number(a.hotspot) || Number(b.emerging) - Number(a.emerging) || b.incidents - a.incidents,
  );
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: 'Store' },
        ...(regions > 1 ? [{ label: 'Region' }] : []),
        { label: 'Incidents', className: 'text-right' },
        { label: 'A day', className: 'text-right' },
        { label: 'vs before' },
        { label: 'Loss', className: 'text-right' },
        ...(police
          ? [
              {
                label: (
                  <>
                    Police shoplifting{' '}
                    <span className="block text-xs font-normal text-slate-600">
                      within {police.radius}, {police.months}
                    </span>
                  </>
                ),
                className: 'text-right',
              },
            ]
          : []),
        { label: 'Flags' },
      ]}
    >
      {sorted.map((s) => (
        <tr key={s.code}>
          <td className="py-2 pr-3">
            <Link href={`/insights/stores/${s.code}`} className="font-medium text-brand-700 underline">
              {s.name}
            </Link>{' '}
            <span className="text-slate-600">({s.code})</span>
          </td>
          {regions > 1 && <td className="py-2 pr-3">{s.regionName}</td>}
          <td className="py-2 pr-3 text-right tabular-nums">{formatCount(s.incidents)}</td>
          <td className="py-2 pr-3 text-right tabular-nums">{s.ratePerDay.toFixed(1)}</td>
          <td className="py-2 pr-3 text-xs whitespace-nowrap">
            <Change current={s.incidents} previous={s.previousIncidents} compact />
          </td>
          <td className="py-2 pr-3 text-right tabular-nums">{formatPence(s.lossPence)}</td>
          {police && <PoliceCell n={police.byCode[s.code] ?? null} />}
          <td className="py-2">
            <Flags hotspot={s.hotspot} emerging={s.emerging} reasons={s.reasons} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function PoliceCell({ n }: { n: number | null }) {
  if (n === null)
    return (
      <td className="py-2 pr-3 text-right text-slate-600" title="No imported police.uk data covers this store's area">
        <span aria-hidden>—</span>
        <span className="sr-only">no police data for this area</span>
      </td>
    );
  return <td className="py-2 pr-3 text-right tabular-nums">{formatCount(n)}</td>;
}
