import type { ReactNode } from 'react';

/** The dashed "nothing here yet" box every list shows when it is empty, saying what will appear. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-700">{children}</p>;
}
