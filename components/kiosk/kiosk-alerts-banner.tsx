'use client';

import { BellRing } from 'lucide-react';
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { formatAge } from '@/lib/domain/format';
import type { KioskAlert } from '@/lib/realtime/kiosk-payload';

/** The store's open alerts (what and where, never who), kept live over the kiosk's socket. */
export function KioskAlertsBanner({ initial }: { initial: KioskAlert[] }) {
  const [alerts, setAlerts] = useState(initial);
  const [, tick] = useState(0);

  useEffect(() => {
    const socket = io({ transports: ['websocket'] });
    const upsert = (a: KioskAlert) =>
      setAlerts((list) => {
        const rest = list.filter((x) => x.id !== a.id);
        return a.status === 'resolved' ? rest : [a, ...rest].slice(0, 5);
      });
    socket.on('alert:new', upsert);
    socket.on('alert:updated', (a: KioskAlert) => setAlerts((list) => (a.status === 'resolved' ? list.filter((x) => x.id !== a.id) : list.map((x) => (x.id === a.id ? { ...x, status: a.status } : x)))));
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => {
      socket.close();
      clearInterval(timer);
    };
  }, []);

  if (alerts.length === 0) return null;
  return (
    <section aria-labelledby="kiosk-alerts" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-3" data-testid="kiosk-alerts">
      <h2 id="kiosk-alerts" className="flex items-center gap-2 text-lg font-bold text-amber-950">
        <BellRing aria-hidden className="size-5" /> Open alerts in this store
      </h2>
      <ul className="mt-1 space-y-1">
        {alerts.map((a) => (
          <li key={a.id} className="text-base text-slate-900">
            <strong className={a.severity === 'critical' ? 'text-red-800' : undefined}>{a.title}</strong>
            {a.zone ? ` · ${a.zone}` : ''} · {formatAge(a.createdAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}
