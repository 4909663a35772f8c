'use client';

import { BellRing, Camera, CheckCircle2, CircleDot, Radio, ReceiptText, Siren, UserRound } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { SeverityBadge } from '@/components/incidents/severity-badge';
import { Button } from '@/components/ui/button';
import type { Severity } from '@/lib/domain/enums';
import { formatAge, humanise, phrase } from '@/lib/domain/format';

/** The contract guarantees id, storeCode, severity, status and createdAt; everything else may be missing. */
export type FeedAlert = {
  id: string;
  storeCode: string;
  title?: string;
  severity: Severity;
  status: string;
  source?: string;
  createdAt: string;
  outcome?: string | null;
  actedBy?: string;
  escalatedTo?: string | null;
  reason?: string | null;
};

const OUTCOMES = ['false_alarm', 'deterred', 'stopped', 'apprehended', 'police_called', 'loss_confirmed'] as const;
const SOURCE_ICON: Record<string, typeof Camera> = { camera: Camera, pos: ReceiptText, sensor: Radio, staff: UserRound, panic: Siren };
type Connection = 'connecting' | 'live' | 'reconnecting' | 'offline';

function newestFirst(list: Iterable<FeedAlert>) {
  return [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** `loadedAt`: when the server read `initial`; the catch-up asks for everything after it. */
export function AlertFeed({ storeCode, initial, canAct, loadedAt }: { storeCode: string; initial: FeedAlert[]; canAct: boolean; loadedAt: string }) {
  const [alerts, setAlerts] = useState(() => new Map(initial.map((a) => [a.id, a])));
  const [connection, setConnection] = useState<Connection>('connecting');
  const [announcement, setAnnouncement] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [now, setNow] = useState(() => Date.now());
  const newest = useRef(loadedAt);

  const merge = useCallback(
    (incoming: FeedAlert[], announce: boolean) => {
      const mine = incoming.filter((a) => a.storeCode === storeCode);
      if (mine.length === 0) return;
      setAlerts((prev) => {
        const next = new Map(prev);
        for (const a of mine) next.set(a.id, { ...prev.get(a.id), ...a });
        return next;
      });
      for (const a of mine) if (a.createdAt > newest.current) newest.current = a.createdAt;
      const fresh = mine.find((a) => a.status === 'open');
      if (announce && fresh) setAnnouncement(`New ${fresh.severity} alert: ${fresh.title ?? ''}`);
    },
    [storeCode],
  );

  useEffect(() => {
    const socket: Socket = io({ transports: ['websocket', 'polling'] });
    socket.on('connect', () => {
      setConnection('live');
      // Catch up on anything raised while we were away; merging by id keeps each once.
      socket.timeout(5000).emit('alerts:since', { after: newest.current }, (err: Error | null, res?: { ok: boolean; alerts?: FeedAlert[] }) => {
        if (!err && res?.ok && res.alerts) merge(res.alerts, false);
      });
    });
    socket.on('disconnect', () => setConnection(navigator.onLine ? 'reconnecting' : 'offline'));
    socket.on('connect_error', () => setConnection(navigator.onLine ? 'reconnecting' : 'offline'));
    socket.on('alert:new', (a: FeedAlert) => merge([a], true));
    socket.on('alert:updated', (a: FeedAlert) => merge([a], false));
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    return () => {
      clearInterval(tick);
      socket.close();
    };
  }, [merge]);

  const act = async (id: string, path: 'acknowledge' | 'resolve', body?: object) => {
    setErrors((e) => ({ ...e, [id]: '' }));
    const res = await fetch(`/api/alerts/${id}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    }).catch(() => null);
    if (!res) return setErrors((e) => ({ ...e, [id]: 'No connection. Try again when you are back online.' }));
    const json = (await res.json().catch(() => ({}))) as { alert?: FeedAlert; message?: string };
    if (res.ok && json.alert) merge([json.alert], false);
    else setErrors((e) => ({ ...e, [id]: json.message ?? 'That did not work. Please try again.' }));
  };

  const list = useMemo(() => newestFirst(alerts.values()), [alerts]);
  const open = list.filter((a) => a.status !== 'resolved');
  const done = list.filter((a) => a.status === 'resolved').slice(0, 10);

  return (
    <section aria-labelledby="feed-title">
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 id="feed-title" className="text-base font-semibold">Live alerts</h2>
        <span role="status" data-testid="connection" className="flex items-center gap-1.5 text-sm text-slate-700">
          <CircleDot aria-hidden className={`size-4 ${connection === 'live' ? 'text-green-700' : connection === 'offline' ? 'text-red-700' : 'text-amber-600'}`} />
          {connection === 'live' ? 'Live' : connection === 'offline' ? 'Offline: showing what we had' : connection === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </span>
      </div>
      <p aria-live="assertive" className="sr-only">{announcement}</p>
      {open.length === 0 ? (
        <p className="flex items-center gap-2 rounded-md border border-dashed border-slate-300 p-6 text-slate-700">
          <CheckCircle2 aria-hidden className="size-5 text-green-700" />
          No open alerts. New ones appear here the moment they happen.
        </p>
      ) : (
        <ul className="space-y-2" aria-label="Open alerts">
          {open.map((raw) => {
            // Events from other emitters may carry only the contract's minimum fields.
            const a = { ...raw, title: raw.title ?? 'Alert', source: raw.source ?? 'alert' };
            const Icon = SOURCE_ICON[a.source] ?? BellRing;
            return (
              <li key={a.id} data-testid="alert" className="animate-[slidein_.25s_ease-out] rounded-md border border-slate-200 bg-white p-3 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={a.severity} />
                  <Icon aria-label={humanise(a.source)} className="size-4 text-slate-600" />
                  <span className="font-medium">{a.title}</span>
                  <span className="text-sm text-slate-600">· {formatAge(a.createdAt, now)}</span>
                  <span className="ml-auto text-sm text-slate-700">
                    {humanise(a.status)}
                    {a.escalatedTo ? ` to ${phrase(a.escalatedTo)}` : ''}
                  </span>
                </div>
                {a.reason && <p className="mt-1 text-sm text-slate-700">{a.reason}</p>}
                {canAct && (
                  <div className="mt-2 flex flex-wrap items-center gap-2">
                    {a.status !== 'acknowledged' && (
                      <Button variant="secondary" className="min-h-9" onClick={() => void act(a.id, 'acknowledge')}>
                        Acknowledge<span className="sr-only"> {a.title}</span>
                      </Button>
                    )}
                    <form
                      className="flex items-center gap-2"
                      onSubmit={(e) => {
                        e.preventDefault();
                        const outcome = new FormData(e.currentTarget).get('outcome');
                        void act(a.id, 'resolve', { outcome });
                      }}
                    >
                      <label className="sr-only" htmlFor={`outcome-${a.id}`}>Outcome for {a.title}</label>
                      <select id={`outcome-${a.id}`} name="outcome" className="min-h-9 rounded-md border border-slate-400 bg-white px-2 text-sm" defaultValue="false_alarm">
                        {OUTCOMES.map((o) => <option key={o} value={o}>{humanise(o)}</option>)}
                      </select>
                      <Button type="submit" className="min-h-9">Resolve<span className="sr-only"> {a.title}</span></Button>
                    </form>
                  </div>
                )}
                {errors[a.id] && <p role="alert" className="mt-1 text-sm text-red-800">{errors[a.id]}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {done.length > 0 && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Recently resolved ({done.length})</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {done.map((a) => (
              <li key={a.id} className="flex gap-2">
                <span className="font-medium">{a.title ?? 'Alert'}</span>
                <span className="text-slate-600">{a.outcome ? humanise(a.outcome) : ''}{a.actedBy ? ` · ${a.actedBy}` : ''}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
