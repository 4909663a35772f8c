'use client';

import { CheckCircle2, CircleDot } from 'lucide-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { io, type Socket } from 'socket.io-client';
import { AlertCard } from './alert-card';
import { INCIDENT_EVENT } from './incoming-reports';
import { isSoundOn, playCriticalAlert } from './alert-sound';
import type { Colleague, FeedAlert } from './feed-alert';

export type { Colleague, FeedAlert } from './feed-alert';

type Connection = 'connecting' | 'live' | 'reconnecting' | 'offline';

function newestFirst(list: Iterable<FeedAlert>) {
  return [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The alert someone is working on: the one holding focus, else the one under the pointer. */
function alertInHand(): HTMLElement | null {
  const focused = document.activeElement?.closest<HTMLElement>('[data-alert-id]');
  return focused ?? document.querySelector<HTMLElement>('[data-alert-id]:hover');
}

type Props = {
  storeCode: string;
  initial: FeedAlert[];
  canAct: boolean;
  /** When the server read `initial`; the catch-up asks for everything after it. */
  loadedAt: string;
  /** Colleagues on shift at the store, for Assign. */
  colleagues?: Colleague[];
  /** The store's timezone, for times in the timeline. */
  timeZone?: string;
};

export function AlertFeed({
  storeCode,
  initial,
  canAct,
  loadedAt,
  colleagues = [],
  timeZone = 'Europe/London',
}: Props) {
  const [alerts, setAlerts] = useState(() => new Map(initial.map((a) => [a.id, a])));
  const [connection, setConnection] = useState<Connection>('connecting');
  const [announcement, setAnnouncement] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const newest = useRef(loadedAt);
  const seen = useRef(new Set(initial.map((a) => a.id)));
  // Where the alert in hand sat on screen before an update, so it can be kept there after.
  const anchor = useRef<{ id: string; top: number } | null>(null);
  const router = useRouter();
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // New or changed reports (from the app, a kiosk or another console) re-render the
  // server-side triage queue; a burst of them costs one refresh.
  const refreshSoon = useCallback(() => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => router.refresh(), 100);
  }, [router]);

  const merge = useCallback(
    (incoming: FeedAlert[], announce: boolean) => {
      const mine = incoming.filter((a) => a.storeCode === storeCode);
      if (mine.length === 0) return;
      const held = alertInHand();
      anchor.current = held ? { id: held.dataset.alertId!, top: held.getBoundingClientRect().top } : null;
      setAlerts((prev) => {
        const next = new Map(prev);
        for (const a of mine) next.set(a.id, { ...prev.get(a.id), ...a });
        return next;
      });
      for (const a of mine) if (a.createdAt > newest.current) newest.current = a.createdAt;
      const fresh = mine.filter((a) => !seen.current.has(a.id));
      for (const a of mine) seen.current.add(a.id);
      const first = fresh.find((a) => a.status === 'open') ?? fresh[0];
      if (announce && first) {
        setAnnouncement(`New ${first.severity} alert: ${first.title ?? ''}`);
        if (fresh.some((a) => a.severity === 'critical') && isSoundOn()) playCriticalAlert();
      }
    },
    [storeCode],
  );

  // The list must not jump under someone's finger: new alerts slide in at the top, and
  // if that pushed the alert in hand down, scroll by the same amount so it stays put.
  useLayoutEffect(() => {
    const a = anchor.current;
    anchor.current = null;
    if (!a) return;
    const el = document.querySelector<HTMLElement>(`[data-alert-id="${CSS.escape(a.id)}"]`);
    if (!el) return;
    const delta = el.getBoundingClientRect().top - a.top;
    if (Math.abs(delta) >= 1) window.scrollBy({ top: delta, behavior: 'instant' });
  }, [alerts]);

  useEffect(() => {
    const socket: Socket = io({ transports: ['websocket', 'polling'] });
    socket.on('connect', () => {
      setConnection('live');
      // Catch up on anything raised while we were away; merging by id keeps each once.
      socket
        .timeout(5000)
        .emit(
          'alerts:since',
          { after: newest.current },
          (err: Error | null, res?: { ok: boolean; alerts?: FeedAlert[] }) => {
            if (!err && res?.ok && res.alerts) merge(res.alerts, false);
          },
        );
    });
    socket.on('disconnect', () => setConnection(navigator.onLine ? 'reconnecting' : 'offline'));
    socket.on('connect_error', () => setConnection(navigator.onLine ? 'reconnecting' : 'offline'));
    socket.on('alert:new', (a: FeedAlert) => merge([a], true));
    socket.on('alert:updated', (a: FeedAlert) => merge([a], false));
    const onIncident = (event: string) => (i: { storeCode?: string }) => {
      if (i.storeCode !== storeCode) return;
      window.dispatchEvent(new CustomEvent(INCIDENT_EVENT, { detail: { ...i, event } }));
      refreshSoon();
    };
    socket.on('incident:new', onIncident('incident:new'));
    socket.on('incident:updated', onIncident('incident:updated'));
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    return () => {
      clearInterval(tick);
      socket.close();
    };
  }, [merge, refreshSoon, storeCode]);

  const onChange = useCallback((a: FeedAlert) => merge([a], false), [merge]);
  const card = { canAct, colleagues, timeZone, now, onChange };
  const list = useMemo(() => newestFirst(alerts.values()), [alerts]);
  const open = list.filter((a) => a.status !== 'resolved');
  const done = list.filter((a) => a.status === 'resolved').slice(0, 10);

  return (
    <section aria-labelledby="feed-title">
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 id="feed-title" className="text-base font-semibold">
          Live alerts
        </h2>
        <span role="status" data-testid="connection" className="flex items-center gap-1.5 text-sm text-slate-700">
          <CircleDot
            aria-hidden
            className={`size-4 ${connection === 'live' ? 'text-green-700' : connection === 'offline' ? 'text-red-700' : 'text-amber-600'}`}
          />
          {connection === 'live'
            ? 'Live'
            : connection === 'offline'
              ? 'Offline: showing what we had'
              : connection === 'connecting'
                ? 'Connecting…'
                : 'Reconnecting…'}
        </span>
      </div>
      <p aria-live="assertive" className="sr-only">
        {announcement}
      </p>
      {open.length === 0 ? (
        <p className="flex items-center gap-2 rounded-md border border-dashed border-slate-300 p-6 text-slate-700">
          <CheckCircle2 aria-hidden className="size-5 text-green-700" />
          No open alerts. New ones appear here the moment they happen.
        </p>
      ) : (
        <ul className="space-y-2" aria-label="Open alerts">
          {open.map((a) => (
            <FeedItem key={a.id} alert={a} card={card} />
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <details className="mt-4">
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-slate-700">
            Recently resolved ({done.length})
          </summary>
          <ul className="mt-2 space-y-2 text-sm" aria-label="Recently resolved alerts">
            {done.map((a) => (
              <FeedItem key={a.id} alert={a} card={card} resolved />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

type CardProps = Omit<Parameters<typeof AlertCard>[0], 'alert' | 'resolved'>;

/** One alert in the feed: open ones slide in; resolved ones sit quietly below. */
function FeedItem({ alert, card, resolved = false }: { alert: FeedAlert; card: CardProps; resolved?: boolean }) {
  return (
    <li
      data-testid={resolved ? 'resolved-alert' : 'alert'}
      data-alert-id={alert.id}
      className={
        resolved
          ? 'rounded-md border border-slate-200 bg-slate-50 p-3'
          : 'animate-[slidein_.25s_ease-out] rounded-md border border-slate-200 bg-white p-3 shadow-sm'
      }
    >
      <AlertCard alert={alert} {...card} resolved={resolved} />
    </li>
  );
}
