'use client';

import { Bell, BellOff } from 'lucide-react';
import { useEffect, useState } from 'react';

const b64ToBytes = (b64url: string) => {
  const b64 = b64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (b64url.length % 4)) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
};

type State = 'unknown' | 'unsupported' | 'off' | 'on' | 'working' | 'denied';

/** Opt in (or out) of web push on this device. Nothing is sent unless the person says yes. */
export function PushOptIn({ publicKey, label = 'Tell me when my reports change' }: { publicKey: string | null; label?: string }) {
  const [state, setState] = useState<State>('unknown');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      if (!publicKey || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return setState('unsupported');
      if (Notification.permission === 'denied') return setState('denied');
      const reg = await navigator.serviceWorker.ready;
      setState((await reg.pushManager.getSubscription()) ? 'on' : 'off');
    })();
  }, [publicKey]);

  async function turnOn() {
    setError(null);
    setState('working');
    try {
      if ((await Notification.requestPermission()) !== 'granted') return setState('denied');
      const reg = await navigator.serviceWorker.ready;
      const subscribe = () => reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: b64ToBytes(publicKey!) });
      const save = (sub: PushSubscription) =>
        fetch('/api/push/subscriptions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sub.toJSON()) });
      const sub = await subscribe();
      let res = await save(sub);
      if (res.status === 409) {
        // A shared browser still subscribed for whoever used it before (the server keeps it theirs):
        // drop that subscription here and make a new one of our own.
        await sub.unsubscribe();
        res = await save(await subscribe());
      }
      if (!res.ok) throw new Error('The server did not accept it.');
      setState('on');
    } catch (e) {
      setError(`Notifications could not be turned on here (${(e as Error).message}). You can still check this page.`);
      setState('off');
    }
  }

  async function turnOff() {
    setState('working');
    const reg = await navigator.serviceWorker.ready;
    const sub = await reg.pushManager.getSubscription();
    if (sub) {
      await fetch('/api/push/subscriptions', { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint: sub.endpoint }) }).catch(() => undefined);
      await sub.unsubscribe();
    }
    setState('off');
  }

  if (state === 'unsupported' || state === 'unknown') return null;
  return (
    <div className="rounded-lg border border-slate-300 bg-white px-3 py-0.5">
      {state === 'denied' ? (
        <p className="flex items-center gap-2 text-slate-700">
          <BellOff aria-hidden className="size-5" /> Notifications are blocked for Vigil in this browser&apos;s settings.
        </p>
      ) : (
        <button type="button" disabled={state === 'working'} onClick={() => void (state === 'on' ? turnOff() : turnOn())} className="flex min-h-11 items-center gap-2 font-semibold text-brand-800" aria-pressed={state === 'on'}>
          {state === 'on' ? <BellOff aria-hidden className="size-5" /> : <Bell aria-hidden className="size-5" />}
          {state === 'on' ? 'Stop notifications on this device' : label}
        </button>
      )}
      {error ? <p className="mt-1 text-sm text-red-800">{error}</p> : null}
    </div>
  );
}
