'use client';

import { BellRing, Camera, FilePlus2, Link2, Radio, ReceiptText, Siren, UserRound } from 'lucide-react';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { SeverityBadge } from '@/components/incidents/severity-badge';
import { Button } from '@/components/ui/button';
import { formatAge, humanise, phrase } from '@/lib/domain/format';
import { AlertDetails } from './alert-details';
import {
  type AlertResponse,
  type ApiResult,
  callApi,
  type IncidentFromAlertResponse,
  newIdempotencyKey,
} from './console-api';
import { type Colleague, type FeedAlert, shortName, triageHref } from './feed-alert';

const OUTCOMES = ['false_alarm', 'deterred', 'stopped', 'apprehended', 'police_called', 'loss_confirmed'] as const;
const SOURCE_ICON: Record<string, typeof Camera> = {
  camera: Camera,
  pos: ReceiptText,
  sensor: Radio,
  staff: UserRound,
  panic: Siren,
};
const REF = /^INC-\d{4}-\d{6,}$/i;
const SELECT = 'min-h-11 rounded-md border border-slate-400 bg-white px-2 text-sm';

type Props = {
  alert: FeedAlert;
  canAct: boolean;
  colleagues: Colleague[];
  timeZone: string;
  now: number;
  /** Resolved alerts keep only the incident actions and the timeline. */
  resolved?: boolean;
  onChange: (a: FeedAlert) => void;
};

export function AlertCard({ alert: raw, canAct, colleagues, timeZone, now, resolved = false, onChange }: Props) {
  // Events from other emitters may carry only the contract's minimum fields.
  const a = { ...raw, title: raw.title ?? 'Alert', source: raw.source ?? 'alert' };
  const Icon = SOURCE_ICON[a.source] ?? BellRing;
  const [error, setError] = useState('');
  const [done, setDone] = useState<{ text: string; ref?: string } | null>(null);
  const [linkError, setLinkError] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  // One key per alert for "Create incident": a retry after a lost answer returns the same incident.
  const incidentKey = useRef<string | null>(null);
  const ids = {
    outcome: `outcome-${a.id}`,
    assign: `assign-${a.id}`,
    link: `link-${a.id}`,
    linkError: `link-error-${a.id}`,
  };

  async function run<T extends { alert: FeedAlert }>(
    what: string,
    call: () => Promise<ApiResult<T>>,
    success?: (data: T) => { text: string; ref?: string },
  ): Promise<ApiResult<T>> {
    setBusy(what);
    setError('');
    setDone(null);
    const res = await call();
    setBusy(null);
    if (!res.ok) {
      setError(res.message);
      return res;
    }
    onChange(res.data.alert);
    if (success) setDone(success(res.data));
    return res;
  }

  const post =
    <T,>(path: string, body: unknown, headers?: Record<string, string>) =>
    () =>
      callApi<T>(`/api/alerts/${a.id}/${path}`, { method: 'POST', body, headers });

  const createIncident = () => {
    incidentKey.current ??= newIdempotencyKey();
    void run<IncidentFromAlertResponse>(
      'incident',
      post('incident', {}, { 'Idempotency-Key': incidentKey.current }),
      (d) => ({ text: `${d.ref} created.`, ref: d.ref }),
    );
  };

  const linkIncident = (form: HTMLFormElement) => {
    const value = String(new FormData(form).get('incidentRef') ?? '').trim();
    if (!REF.test(value)) {
      setLinkError('Enter a reference like INC-2026-000123.');
      return;
    }
    setLinkError('');
    void run<AlertResponse>('link', post('link', { incidentRef: value }), (d) => ({
      text: `Linked to ${d.alert.incidentRef ?? value.toUpperCase()}.`,
    })).then((res) => {
      if (!res.ok && res.issues.some((i) => i.path === 'incidentRef')) {
        setError('');
        setLinkError(res.message);
      }
    });
  };

  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={a.severity} />
        <Icon aria-label={humanise(a.source)} className="size-4 text-slate-600" />
        <span className="font-medium">{a.title}</span>
        <span className="text-sm text-slate-600">· {formatAge(a.createdAt, now)}</span>
        <span className="ml-auto text-sm text-slate-700">
          {resolved ? (a.outcome ? humanise(a.outcome) : 'Resolved') : humanise(a.status)}
          {!resolved && a.escalatedTo ? ` to ${phrase(a.escalatedTo)}` : ''}
          {resolved && a.actedBy ? ` · ${a.actedBy}` : ''}
        </span>
      </div>
      {a.reason && <p className="mt-1 text-sm text-slate-700">{a.reason}</p>}
      {(a.assignedTo || a.incidentRef) && (
        <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-800">
          {a.assignedTo && (
            <span data-testid="assignee">
              <UserRound aria-hidden className="mr-1 inline size-3.5" />
              Assigned to {shortName(a.assignedTo.name)}
            </span>
          )}
          {a.incidentRef && (
            <span data-testid="incident-link">
              <Link2 aria-hidden className="mr-1 inline size-3.5" />
              Incident{' '}
              <Link
                href={triageHref(a.storeCode, a.incidentRef)}
                className="font-mono font-medium text-brand-700 underline"
              >
                {a.incidentRef}
              </Link>
            </span>
          )}
        </p>
      )}

      {canAct && !resolved && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {a.status !== 'acknowledged' && (
            <Button
              variant="secondary"
              disabled={busy !== null}
              onClick={() => void run<AlertResponse>('ack', post('acknowledge', {}))}
            >
              Acknowledge<span className="sr-only"> {a.title}</span>
            </Button>
          )}
          <form
            className="flex items-center gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              const outcome = new FormData(e.currentTarget).get('outcome');
              void run<AlertResponse>('resolve', post('resolve', { outcome }));
            }}
          >
            <label className="sr-only" htmlFor={ids.outcome}>
              Outcome for {a.title}
            </label>
            <select id={ids.outcome} name="outcome" className={SELECT} defaultValue="false_alarm">
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {humanise(o)}
                </option>
              ))}
            </select>
            <Button type="submit" disabled={busy !== null}>
              Resolve<span className="sr-only"> {a.title}</span>
            </Button>
          </form>
          {colleagues.length > 0 && (
            <form
              className="flex items-center gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                const userId = String(new FormData(e.currentTarget).get('userId') ?? '');
                if (!userId) return setError('Choose who should deal with it.');
                void run<AlertResponse>('assign', post('assign', { userId }), (d) => ({
                  text: `Assigned to ${shortName(d.alert.assignedTo?.name)}.`,
                }));
              }}
            >
              <label className="sr-only" htmlFor={ids.assign}>
                Assign {a.title} to
              </label>
              <select
                id={ids.assign}
                name="userId"
                className={`${SELECT} max-w-48`}
                key={a.assignedTo?.id ?? 'none'}
                defaultValue={a.assignedTo?.id ?? ''}
              >
                <option value="">Assign to…</option>
                {colleagues.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <Button type="submit" variant="secondary" disabled={busy !== null}>
                Assign<span className="sr-only"> {a.title}</span>
              </Button>
            </form>
          )}
        </div>
      )}

      {canAct && !a.incidentRef && (
        <div className="mt-2 flex flex-wrap items-start gap-2">
          <Button variant="secondary" disabled={busy !== null} onClick={createIncident}>
            <FilePlus2 aria-hidden className="size-4" />
            Create incident<span className="sr-only"> from {a.title}</span>
          </Button>
          <form
            noValidate
            className="flex flex-wrap items-start gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              linkIncident(e.currentTarget);
            }}
          >
            <div>
              <label className="sr-only" htmlFor={ids.link}>
                Incident reference to link {a.title} to
              </label>
              <input
                id={ids.link}
                name="incidentRef"
                placeholder="INC-2026-000123"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={linkError ? true : undefined}
                aria-describedby={linkError ? ids.linkError : undefined}
                className="min-h-11 w-44 rounded-md border border-slate-400 bg-white px-2 font-mono text-sm placeholder:text-slate-500 aria-invalid:border-red-700"
              />
              {linkError && (
                <p id={ids.linkError} role="alert" className="mt-1 max-w-64 text-sm text-red-800">
                  {linkError}
                </p>
              )}
            </div>
            <Button type="submit" variant="secondary" disabled={busy !== null}>
              <Link2 aria-hidden className="size-4" />
              Link to incident<span className="sr-only"> for {a.title}</span>
            </Button>
          </form>
        </div>
      )}

      {done && (
        <p role="status" className="mt-1 text-sm text-green-800">
          {done.text}
          {done.ref && (
            <>
              {' '}
              <Link href={triageHref(a.storeCode, done.ref)} className="font-medium text-brand-700 underline">
                Open it in the triage queue
              </Link>
            </>
          )}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
      <AlertDetails
        alertId={a.id}
        title={a.title}
        timeZone={timeZone}
        version={[a.status, a.assignedTo?.id, a.incidentRef, a.escalatedTo].join('|')}
      />
    </>
  );
}
