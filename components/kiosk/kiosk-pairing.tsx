'use client';

import { Loader2, MonitorSmartphone } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';

/** First run (or after revocation): a manager's one-time code turns this screen into the store's kiosk. */
export function KioskPairing({ store, problem }: { store: string; problem: string | null }) {
  const router = useRouter();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function pair(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await fetch('/api/kiosk/pair', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ store, code }) }).catch(() => null);
    setBusy(false);
    if (!res) return setError('No connection. Check the network and try again.');
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    if (!res.ok) return setError(body.message ?? 'That did not work. Try again.');
    setCode('');
    router.refresh();
  }

  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center p-6">
      <h1 className="flex items-center gap-3 text-3xl font-bold">
        <MonitorSmartphone aria-hidden className="size-8" /> Set up this kiosk
      </h1>
      <p className="mt-3 text-lg">
        Store <strong>{store}</strong>. A store manager makes a pairing code in Vigil (Admin → Devices → Pair an in-store kiosk). Enter it here.
      </p>
      {problem ? (
        <p role="alert" className="mt-4 rounded-lg border-2 border-red-700 bg-red-50 p-4 text-lg font-semibold text-red-900">
          {problem}
        </p>
      ) : null}
      <form onSubmit={(e) => void pair(e)} className="mt-6 space-y-4">
        <label htmlFor="pair-code" className="block text-xl font-semibold">
          Pairing code
        </label>
        <input
          id="pair-code"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="ABCD-2345"
          aria-invalid={!!error}
          aria-describedby={error ? 'pair-error' : undefined}
          className="block min-h-16 w-full rounded-lg border-2 border-slate-900 px-4 font-mono text-3xl tracking-widest"
        />
        {error ? (
          <p id="pair-error" role="alert" className="text-lg font-semibold text-red-800">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy || code.length < 4} className="flex min-h-16 w-full items-center justify-center gap-2 rounded-lg bg-slate-900 text-xl font-bold text-white disabled:bg-slate-500">
          {busy ? <Loader2 aria-hidden className="size-6 animate-spin" /> : null}
          Pair this kiosk
        </button>
      </form>
    </main>
  );
}
