import { SeverityBadge } from '@/components/incidents/severity-badge';
import { formatDateTime, formatPence, humanise, phrase } from '@/lib/domain/format';
import type { triageQueue } from '@/lib/incidents/triage-queue';
import { TriageForm } from './triage-form';
import { EmptyState } from '@/components/ui/empty-state';

type Queue = Awaited<ReturnType<typeof triageQueue>>;

function describeEvent(e: Queue[number]['timeline'][number]): string {
  const d = e.data as Record<string, string | undefined>;
  if (e.kind === 'created') return 'Reported';
  if (e.kind === 'status_changed') return `${humanise(d.from ?? '')} → ${phrase(d.to ?? '')}${d.crimeRef ? ` (${d.crimeRef})` : ''}`;
  if (e.kind === 'comment') return `Note: ${d.text ?? ''}`;
  if (e.kind === 'message_to_reporter') return `Message to reporter: ${d.text ?? ''}`;
  if (e.kind === 'alert_linked') return `Alert linked: ${d.title ?? 'alert'}`;
  return humanise(e.kind);
}

export function TriageQueue({ queue, openRef }: { queue: Queue; openRef?: string }) {
  if (queue.length === 0) {
    return <EmptyState>Nothing waiting. New reports from colleagues, kiosks and cameras appear here.</EmptyState>;
  }
  return (
    <ul className="divide-y divide-slate-100" aria-label="Incidents waiting for action">
      {queue.map((i) => (
        <li key={i.id} id={`incident-${i.ref}`} data-testid="triage-item" className="scroll-mt-4">
          <details className="group py-2" open={i.ref === openRef || undefined}>
            <summary className="flex cursor-pointer flex-wrap items-center gap-2 rounded px-1 py-1 hover:bg-slate-50">
              <span className="font-mono text-xs">{i.ref}</span>
              <SeverityBadge severity={i.severity} />
              <span className="font-medium">{humanise(i.type)}</span>
              <span className="text-sm text-slate-600">{formatDateTime(i.occurredAt)}{i.zone ? ` · ${i.zone}` : ''}</span>
              <span className="ml-auto text-sm text-slate-700">{humanise(i.status)}</span>
            </summary>
            <div className="px-1 pb-2">
              <p className="text-sm text-slate-700">
                From {humanise(i.source)}{i.lossPence ? ` · estimated loss ${formatPence(i.lossPence)}` : ''}{i.policeCrimeRef ? ` · crime ref ${i.policeCrimeRef}` : ''}
              </p>
              {i.description && <p className="mt-1 text-sm">{i.description}</p>}
              <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-sm" aria-label={`Timeline of ${i.ref}`}>
                {i.timeline.map((e, n) => (
                  <li key={n}>
                    <span className="text-slate-600">{formatDateTime(e.at)}</span> · {describeEvent(e)}
                    {e.by ? <span className="text-slate-600"> · {e.by}</span> : null}
                  </li>
                ))}
              </ol>
              <TriageForm id={i.id} status={i.status} refLabel={i.ref} />
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
