import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

export type Column = { label: ReactNode; className?: string };

/** A plain, accessible table: a screen-reader caption, scoped headers, quiet row dividers. */
export function DataTable({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={cn('py-2 pr-3 font-medium last:pr-0', c.className)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
