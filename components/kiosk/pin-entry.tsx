'use client';

import { Delete, Loader2 } from 'lucide-react';
import { type FormEvent, useRef, useState } from 'react';

export type Colleague = { firstName: string; token: string };

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** Staff number + PIN with a big on-screen keypad (a physical keyboard works too). */
export function PinEntry({ onIdentified, online }: { onIdentified: (c: Colleague) => void; online: boolean }) {
  const [staffNumber, setStaffNumber] = useState('');
  const [pin, setPin] = useState('');
  const [field, setField] = useState<'staff' | 'pin'>('staff');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const staffRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  const press = (key: (typeof KEYS)[number]) => {
    const [value, set, max] = field === 'staff' ? [staffNumber, setStaffNumber, 12] : [pin, setPin, 8];
    if (key === 'clear') set('');
    else if (key === 'back') set(value.slice(0, -1));
    else if (value.length < max) set(value + key);
    (field === 'staff' ? staffRef : pinRef).current?.focus();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!staffNumber) return setField('staff');
    if (!pin) {
      setField('pin');
      return pinRef.current?.focus();
    }
    setBusy(true);
    const res = await fetch('/api/kiosk/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNumber, pin }) }).catch(() => null);
    setBusy(false);
    setPin('');
    if (!res) return setError('No connection, so your PIN cannot be checked. If anyone is in danger, use Get help now or call 999.');
    const body = (await res.json().catch(() => ({}))) as { firstName?: string; token?: string; message?: string };
    if (!res.ok || !body.token) {
      if (res.status === 401) window.location.reload(); // unpaired or revoked: the page says so
      return setError(body.message ?? 'That did not work. Try again.');
    }
    setStaffNumber('');
    onIdentified({ firstName: body.firstName ?? 'there', token: body.token });
  }

  const input = 'block min-h-16 w-full rounded-lg border-2 px-4 text-3xl tracking-widest outline-none';
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" aria-describedby={error ? 'pin-error' : undefined}>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor="staff-number" className="mb-1 block text-lg font-semibold">
            Staff number
          </label>
          <input ref={staffRef} id="staff-number" inputMode="numeric" autoComplete="off" value={staffNumber} onFocus={() => setField('staff')} onChange={(e) => setStaffNumber(e.target.value.replace(/\D/g, '').slice(0, 12))} className={`${input} ${field === 'staff' ? 'border-brand-700 ring-2 ring-brand-600' : 'border-slate-900'}`} />
        </div>
        <div>
          <label htmlFor="pin" className="mb-1 block text-lg font-semibold">
            PIN
          </label>
          <input ref={pinRef} id="pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onFocus={() => setField('pin')} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))} className={`${input} ${field === 'pin' ? 'border-brand-700 ring-2 ring-brand-600' : 'border-slate-900'}`} />
        </div>
      </div>
      <div className="grid grid-cols-3 gap-2" role="group" aria-label="Number keypad">
        {KEYS.map((k) => (
          <button key={k} type="button" onClick={() => press(k)} className="flex min-h-16 items-center justify-center rounded-lg border-2 border-slate-900 bg-white text-3xl font-semibold active:bg-slate-200" aria-label={k === 'back' ? 'Delete last digit' : k === 'clear' ? 'Clear' : k}>
            {k === 'back' ? <Delete aria-hidden className="size-7" /> : k === 'clear' ? <span className="text-lg">Clear</span> : k}
          </button>
        ))}
      </div>
      {error ? (
        <p id="pin-error" role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 text-lg font-semibold text-red-900">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy || !online} className="flex min-h-16 w-full items-center justify-center gap-2 rounded-lg bg-brand-700 text-2xl font-bold text-white disabled:bg-slate-500">
        {busy ? <Loader2 aria-hidden className="size-6 animate-spin" /> : null}
        {online ? 'Start my report' : 'Offline: PINs need a connection'}
      </button>
    </form>
  );
}
