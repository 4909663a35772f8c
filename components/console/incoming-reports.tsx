'use client';

import { useEffect, useState } from 'react';
import { SeverityBadge } from '@/components/incidents/severity-badge';
import { humanise } from '@/lib/domain/format';

export const INCIDENT_EVENT = 'vigil:incident';
export type IncomingReport = { id: string; ref?: string; storeCode?: string; type?: string; severity: string; status: string };

/**
 * Reports that arrived over the socket since the page was drawn, shown at once while
 * the triage queue re-renders on the server; each disappears when the queue has it.
 */
export function IncomingReports({ storeCode, knownRefs }: { storeCode: string; knownRefs: string[] }) {
  const [incoming, setIncoming] = useState<IncomingReport[]>([]);
  useEffect(() => {
    const onIncident = (e: Event) => {
      const i = (e as CustomEvent<IncomingReport & { event: string }>).detail;
      if (i.event !== 'incident:new' || i.storeCode !== storeCode || !i.ref) return;
      setIncoming((list) => (list.some((x) => x.id === i.id) ? list : [i, ...list]));
    };
    window.addEventListener(INCIDENT_EVENT, onIncident);
    return () => window.removeEventListener(INCIDENT_EVENT, onIncident);
  }, [storeCode]);

  const shown = incoming.filter((i) => !knownRefs.includes(i.ref!));
  if (shown.length === 0) return null;
  return (
    <ul className="mb-2 divide-y divide-slate-100 rounded-md bg-brand-50" aria-label="Just reported">
      {shown.map((i) => (
        <li key={i.id} data-testid="triage-item" className="flex flex-wrap items-center gap-2 px-2 py-3 animate-[slidein_.25s_ease-out]">
          <span className="font-mono text-xs">{i.ref}</span>
          <SeverityBadge severity={i.severity as Parameters<typeof SeverityBadge>[0]['severity']} />
          <span className="font-medium">{humanise(i.type ?? 'report')}</span>
          <span className="text-sm text-slate-600">just now · opening…</span>
        </li>
      ))}
    </ul>
  );
}
