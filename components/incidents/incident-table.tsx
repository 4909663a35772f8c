import { SeverityBadge } from '@/components/incidents/severity-badge';
import type { Severity } from '@/lib/domain/enums';
import { formatDateTime, formatPence, humanise } from '@/lib/domain/format';

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

export function IncidentTable({ rows, caption, showStore = false }: { rows: IncidentRow[]; caption: string; showStore?: boolean }) {
  if (rows.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-700">No incidents yet. New reports will appear here.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Reference</th>
            {showStore && <th scope="col" className="py-2 pr-4 font-medium">Store</th>}
            <th scope="col" className="py-2 pr-4 font-medium">When</th>
            <th scope="col" className="py-2 pr-4 font-medium">What</th>
            <th scope="col" className="py-2 pr-4 font-medium">Where</th>
            <th scope="col" className="py-2 pr-4 font-medium">Severity</th>
            <th scope="col" className="py-2 pr-4 font-medium">Status</th>
            <th scope="col" className="py-2 text-right font-medium">Loss</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="py-2 pr-4 font-mono text-xs whitespace-nowrap">{r.ref}</td>
              {showStore && <td className="py-2 pr-4">{r.storeCode}</td>}
              <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(r.occurredAt)}</td>
              <td className="py-2 pr-4">{humanise(r.type)}</td>
              <td className="py-2 pr-4">{r.zone ?? '—'}</td>
              <td className="py-2 pr-4"><SeverityBadge severity={r.severity} /></td>
              <td className="py-2 pr-4">{humanise(r.status)}</td>
              <td className="py-2 text-right tabular-nums">{r.lossPence ? formatPence(r.lossPence) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
