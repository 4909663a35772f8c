import { DataTable } from '@/components/ui/data-table';
import { formatPence } from '@/lib/domain/format';
import { Change } from './chart-card';
import { Flags } from './flags';
import { formatCount } from './format';

type Zone = {
  zone: string;
  incidents: number;
  previousIncidents: number;
  lossPence: number;
  expectedFromHistory: number;
  hotspot: boolean;
  reason: string | null;
};

export function ZoneTable({ zones, caption }: { zones: Zone[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: 'Zone' },
        { label: 'Incidents', className: 'text-right' },
        { label: 'vs before' },
        { label: 'Expected from its history', className: 'text-right' },
        { label: 'Loss', className: 'text-right' },
        { label: 'Flags' },
      ]}
    >
      {zones.map((z) => (
        <tr key={z.zone}>
          <td className="py-2 pr-3 font-medium">{z.zone}</td>
          <td className="py-2 pr-3 text-right tabular-nums">{formatCount(z.incidents)}</td>
          <td className="py-2 pr-3 text-xs whitespace-nowrap">
            <Change current={z.incidents} previous={z.previousIncidents} compact />
          </td>
          <td className="py-2 pr-3 text-right tabular-nums">{z.expectedFromHistory.toFixed(1)}</td>
          <td className="py-2 pr-3 text-right tabular-nums">{formatPence(z.lossPence)}</td>
          <td className="py-2">
            <Flags hotspot={z.hotspot} emerging={false} reasons={z.reason ? [z.reason] : []} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
