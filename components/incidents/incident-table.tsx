import { SeverityBadge } from '@/components/incidents/severity-badge';
import { DataTable } from '@/components/ui/data-table';
import type { Severity } from '@/lib/domain/enums';
import { formatDateTime, formatPence, humanise } from '@/lib/domain/format';
import { EmptyState } from '@/components/ui/empty-state';

export type IncidentRow = {
  id: string;
  ref: string;
  storeCode: string;
  zone: string | null;
  type: string;
  severity: Severity;
  status: string;
  occurredAt: Date;
  lossPence: number;
};

export function IncidentTable({
  rows,
  caption,
  showStore = false,
}: {
  rows: IncidentRow[];
  caption: string;
  showStore?: boolean;
}) {
  if (rows.length === 0) {
    return (
      <EmptyState>
        No incidents yet. New reports will appear here.
      </EmptyState>
    );
  }
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: 'Reference' },
        ...(showStore ? [{ label: 'Store' }] : []),
        { label: 'When' },
        { label: 'What' },
        { label: 'Where' },
        { label: 'Severity' },
        { label: 'Status' },
        { label: 'Loss', className: 'text-right' },
      ]}
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td className="py-2 pr-4 font-mono text-xs whitespace-nowrap">{r.ref}</td>
          {showStore && <td className="py-2 pr-4">{r.storeCode}</td>}
          <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(r.occurredAt)}</td>
          <td className="py-2 pr-4">{humanise(r.type)}</td>
          <td className="py-2 pr-4">{r.zone ?? '—'}</td>
          <td className="py-2 pr-4">
            <SeverityBadge severity={r.severity} />
          </td>
          <td className="py-2 pr-4">{humanise(r.status)}</td>
          <td className="py-2 text-right tabular-nums">{r.lossPence ? formatPence(r.lossPence) : '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
