'use client';

import { ChevronRight, ExternalLink, RotateCw } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatPence, humanise, phrase } from '@/lib/domain/format';
import type { AlertActionEntry, AlertDetail, TriggeringEvent, TriggeringTransaction } from '@/lib/alerts/get-alert';
import { callApi } from './console-api';
import { formatClock, shortName } from './feed-alert';

type State =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; detail: AlertDetail };

function describeAction(a: AlertActionEntry): string {
  const d = a.detail as Record<string, string | undefined>;
  const by = a.by ? ` by ${shortName(a.by)}` : '';
  switch (a.action) {
    case 'acknowledged':
      return `Acknowledged${by}`;
    case 'assigned':
      return `Assigned to ${shortName(d.toName)}${by}`;
    case 'resolved':
      return `Resolved${d.outcome ? ` (${phrase(d.outcome)})` : ''}${by}`;
    case 'escalated':
      return `Escalated${d.to ? ` to ${phrase(d.to)}` : ''}${a.by ? by : ' (no one acknowledged it in time)'}`;
    case 'incident_created':
      return `Incident ${d.ref ?? ''} created${by}`;
    case 'incident_linked':
      return `Linked to ${d.ref ?? 'an incident'}${by}`;
    default:
      return humanise(String(a.action));
  }
}

function EventItem({ e, timeZone }: { e: TriggeringEvent; timeZone: string }) {
  const data = Object.entries(e.data);
  return (
    <li className="rounded border border-slate-200 bg-slate-50 p-2">
      <p>
        <span className="text-slate-700">{formatClock(e.occurredAt, timeZone)}</span> ·{' '}
        <span className="font-medium">{humanise(e.type)}</span>
        {e.zone ? ` · ${e.zone}` : ''}
        {e.device ? ` · ${e.device}` : ''}
        {e.confidence !== null ? ` · ${Math.round(e.confidence * 100)}% sure` : ''}
      </p>
      {e.snapshotUrl ? (
        <a
          href={e.snapshotUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="mt-1 inline-flex min-h-11 items-center gap-1 font-medium text-brand-700 underline"
        >
          View the snapshot
          <ExternalLink aria-hidden className="size-3.5" />
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : e.hasSnapshot ? (
        <p className="mt-1 text-slate-700">
          The camera kept a snapshot: look up event <span className="font-mono text-xs">{e.vendorEventId}</span> in{' '}
          {e.vendor === 'frigate' ? 'Frigate' : 'the camera system'}.
        </p>
      ) : null}
      {data.length > 0 && (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
          {data.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-700">{humanise(k.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase())}</dt>
              <dd className="break-all">{String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

function TransactionItem({ t, timeZone }: { t: TriggeringTransaction; timeZone: string }) {
  return (
    <li className="rounded border border-slate-200 bg-slate-50 p-2">
      <p>
        <span className="text-slate-700">{formatClock(t.occurredAt, timeZone)}</span> · Till {t.terminalId} ·{' '}
        <span className="font-medium">{humanise(t.type)}</span> ·{' '}
        {t.totalPence < 0 ? `−${formatPence(-t.totalPence)}` : formatPence(t.totalPence)}
        {t.receiptRef ? ` · receipt ${t.receiptRef}` : ''}
        {t.flags.length > 0 ? ` · ${t.flags.map(phrase).join(', ')}` : ''}
      </p>
      {t.lines.length > 0 && (
        <ul className="mt-1 text-xs" aria-label={`Lines on till ${t.terminalId}`}>
          {t.lines.map((l, n) => (
            <li key={n} className={l.voided ? 'text-slate-600 line-through' : ''}>
              {l.quantity} × {l.description ?? l.sku ?? 'Item'} · {formatPence(Math.abs(l.amountPence))}
              {l.voided ? <span className="sr-only"> (voided)</span> : null}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The alert's timeline and what triggered it, fetched when first opened and again
 * whenever the alert changes while it is open (`version`), so it stays live.
 */
export function AlertDetails({
  alertId,
  title,
  version,
  timeZone,
}: {
  alertId: string;
  title: string;
  version: string;
  timeZone: string;
}) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const latest = useRef(0);

  const load = useCallback(async () => {
    const n = ++latest.current;
    const res = await callApi<AlertDetail>(`/api/alerts/${alertId}`);
    if (n !== latest.current) return;
    setState(res.ok ? { kind: 'ready', detail: res.data } : { kind: 'error', message: res.message });
  }, [alertId]);

  useEffect(() => {
    if (open) void load();
  }, [open, version, load]);

  return (
    <details className="group mt-2" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded px-1 text-sm font-medium text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden className="size-4 transition-transform group-open:rotate-90" />
        Timeline and what triggered it<span className="sr-only"> for {title}</span>
      </summary>
      <div className="space-y-3 px-1 pb-1 text-sm" aria-live="polite" aria-busy={state.kind === 'loading'}>
        {state.kind === 'loading' || state.kind === 'idle' ? (
          <div className="space-y-2">
            <span className="sr-only">Loading…</span>
            <div className="h-4 w-2/3 animate-pulse rounded bg-slate-200" />
            <div className="h-4 w-1/2 animate-pulse rounded bg-slate-200" />
          </div>
        ) : state.kind === 'error' ? (
          <p role="alert" className="flex flex-wrap items-center gap-2 text-red-800">
            Couldn&apos;t load this alert&apos;s details. {state.message}
            <button
              type="button"
              onClick={() => {
                setState({ kind: 'loading' });
                void load();
              }}
              className="inline-flex min-h-11 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 font-medium text-slate-900 hover:bg-slate-100"
            >
              <RotateCw aria-hidden className="size-4" />
              Try again
            </button>
          </p>
        ) : (
          <>
            <div>
              <h4 className="font-medium">What happened</h4>
              <ol
                className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3"
                aria-label={`Timeline of ${title}`}
                data-testid="alert-timeline"
              >
                <li>Raised · {formatClock(state.detail.alert.createdAt, timeZone)}</li>
                {state.detail.actions.map((a, n) => (
                  <li key={n}>
                    {describeAction(a)} · {formatClock(a.at, timeZone)}
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <h4 className="font-medium">What triggered it</h4>
              {state.detail.events.length === 0 && state.detail.transactions.length === 0 ? (
                <p className="mt-1 text-slate-700">
                  {typeof state.detail.alert.reason === 'string' ? `${state.detail.alert.reason}. ` : ''}No individual
                  camera, sensor or till records are kept for this alert.
                </p>
              ) : (
                <ul className="mt-1 space-y-2" aria-label={`Events behind ${title}`}>
                  {state.detail.events.map((e) => (
                    <EventItem key={e.id} e={e} timeZone={timeZone} />
                  ))}
                  {state.detail.transactions.map((t) => (
                    <TransactionItem key={t.id} t={t} timeZone={timeZone} />
                  ))}
                </ul>
              )}
            </div>
          </>
        )}
      </div>
    </details>
  );
}
