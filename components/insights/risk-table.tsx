import { ShieldAlert } from 'lucide-react';
import { DataTable } from '@/components/ui/data-table';
import { formatDayLong, hourLabel } from './format';

type Slot = { code: string; name: string; date: string; startHour: number; expected: number };
type StoreWeek = { code: string; name: string; expectedWeek: number };

export function RiskTable({ slots, stores, showStore }: { slots: Slot[]; stores: StoreWeek[]; showStore: boolean }) {
  return (
    <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
      <DataTable
        caption="Where and when to put a guard next week: the busiest two hours expected"
        columns={[
          ...(showStore ? [{ label: 'Store' }] : []),
          { label: 'When' },
          { label: 'Expected incidents', className: 'text-right' },
        ]}
      >
        {slots.map((s, i) => (
          <tr key={`${s.code}-${s.date}`}>
            {showStore && (
              <td className="py-2 pr-3">
                {i < 3 && <ShieldAlert aria-hidden className="mr-1 inline size-4 text-brand-700" />}
                {s.name} <span className="text-slate-600">({s.code})</span>
              </td>
            )}
            <td className="py-2 pr-3">
              {formatDayLong(s.date)}, {hourLabel(s.startHour)}–{hourLabel((s.startHour + 2) % 24)}
            </td>
            <td className="py-2 text-right tabular-nums">{s.expected.toFixed(1)}</td>
          </tr>
        ))}
      </DataTable>
      {showStore && (
        <DataTable
          caption="Expected incidents next week per store"
          columns={[{ label: 'Store' }, { label: 'Next 7 days', className: 'text-right' }]}
        >
          {stores.slice(0, 10).map((s) => (
            <tr key={s.code}>
              <td className="py-2 pr-3">
                {s.name} <span className="text-slate-600">({s.code})</span>
              </td>
              <td className="py-2 text-right tabular-nums">{s.expectedWeek.toFixed(1)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
