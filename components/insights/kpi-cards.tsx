import { Card } from '@/components/ui/card';
import type { KpiTotals } from '@/lib/analytics/kpis';
import { formatDuration } from '@/lib/domain/duration';
import { formatPence } from '@/lib/domain/format';
import { Change } from './chart-card';
import { formatCount } from './format';

type Item = {
  label: string;
  key: keyof KpiTotals;
  format: (v: number | null) => string;
  better: 'lower' | 'higher' | 'neither';
};

const ITEMS: Item[] = [
  { label: 'Incidents', key: 'incidents', format: (v) => formatCount(v ?? 0), better: 'lower' },
  { label: 'Violence & abuse against staff', key: 'violence', format: (v) => formatCount(v ?? 0), better: 'lower' },
  { label: 'Net loss (after recovery)', key: 'netLossPence', format: (v) => formatPence(v ?? 0), better: 'lower' },
  { label: 'Recovered', key: 'recoveredPence', format: (v) => formatPence(v ?? 0), better: 'higher' },
  { label: 'Referred to police', key: 'referred', format: (v) => formatCount(v ?? 0), better: 'neither' },
  { label: 'Mean time to triage', key: 'meanTriageSeconds', format: (v) => formatDuration(v), better: 'lower' },
  { label: 'Alert MTTA', key: 'mttaSeconds', format: (v) => formatDuration(v), better: 'lower' },
  { label: 'Alert MTTR', key: 'mttrSeconds', format: (v) => formatDuration(v), better: 'lower' },
];

export function KpiCards({ current, previous }: { current: KpiTotals; previous: KpiTotals }) {
  return (
    <ul className="grid grid-cols-2 gap-3 md:grid-cols-4 print:grid-cols-4" aria-label="Key figures">
      {ITEMS.map((item) => (
        <li key={item.key}>
          <Card className="h-full p-4 print:shadow-none">
            <p className="text-sm text-slate-700">{item.label}</p>
            <p className="text-2xl font-semibold tabular-nums text-slate-900">
              {item.format(current[item.key] as number | null)}
            </p>
            <p className="mt-1 text-xs">
              <Change
                current={current[item.key] as number | null}
                previous={previous[item.key] as number | null}
                better={item.better}
              />
            </p>
            <p className="text-xs text-slate-600">before: {item.format(previous[item.key] as number | null)}</p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
