import { Download } from 'lucide-react';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';

/**
 * One chart: titled by the question it answers, a one-line answer in words, the picture, and the
 * same numbers as a table (the accessible alternative, open when printing) plus a CSV download.
 */
export function ChartCard({
  id,
  title,
  summary,
  csvHref,
  chart,
  table,
  empty,
  className,
}: {
  id: string;
  title: string;
  summary?: ReactNode;
  csvHref: string;
  chart: ReactNode;
  table?: ReactNode;
  empty?: string | null;
  className?: string;
}) {
  return (
    <Card
      className={`break-inside-avoid print:shadow-none ${className ?? ''}`}
      aria-labelledby={`${id}-title`}
      role="region"
    >
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <a
          href={csvHref}
          className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 underline print:hidden"
          download
        >
          <Download aria-hidden className="size-4" />
          CSV<span className="sr-only"> of “{title}”</span>
        </a>
      </div>
      {summary && <p className="mb-3 text-sm text-slate-700">{summary}</p>}
      {empty ? (
        <p className="rounded-md bg-slate-50 p-4 text-sm text-slate-700">{empty}</p>
      ) : (
        <>
          {chart}
          {table && (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer font-medium text-brand-700 print:hidden">
                Show the numbers as a table
              </summary>
              <div className="mt-2">{table}</div>
            </details>
          )}
        </>
      )}
    </Card>
  );
}

/** "+12 % on the previous period", with an arrow and words (never colour alone). */
export function Change({
  current,
  previous,
  better = 'lower',
  compact,
}: {
  current: number | null;
  previous: number | null;
  better?: 'lower' | 'higher' | 'neither';
  /** "▲ 13 %" for table cells (the column header says what it is compared with). */
  compact?: boolean;
}) {
  if (current === null || previous === null)
    return <span className="text-slate-600">{compact ? '—' : 'no previous figure'}</span>;
  if (previous === 0)
    return (
      <span className="text-slate-600">
        {compact ? (current > 0 ? 'new' : '—') : current > 0 ? 'none in the previous period' : 'none before either'}
      </span>
    );
  const pct = Math.round(((current - previous) / previous) * 100);
  if (pct === 0) return <span className="text-slate-700">{compact ? '→ 0 %' : '→ same as the previous period'}</span>;
  const up = pct > 0;
  const good = better === 'neither' ? null : (better === 'lower') !== up;
  return (
    <span className={good === null ? 'text-slate-700' : good ? 'text-emerald-800' : 'text-red-800'}>
      <span aria-hidden>{up ? '▲' : '▼'} </span>
      {compact ? (
        <>
          <span className="sr-only">{up ? 'up' : 'down'} </span>
          {Math.abs(pct)} %
        </>
      ) : (
        <>
          {up ? 'up' : 'down'} {Math.abs(pct)} % on the previous period
        </>
      )}
    </span>
  );
}
