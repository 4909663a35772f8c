'use client';

import { Loader2, MonitorSmartphone } from 'lucide-react';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { createKioskCodeAction } from './actions';

/** A one-time code to type into a new in-store kiosk; shown once, valid for 10 minutes. */
export function KioskCodeForm({ stores }: { stores: { code: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createKioskCodeAction, null);
  return (
    <form action={action} className="space-y-3">
      {state && !state.ok ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <div role="status" className="space-y-1 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          <p>
            On the kiosk, open <code className="font-mono">/kiosk/{state.data.store}</code> and enter:
          </p>
          <p className="font-mono text-2xl font-bold tracking-widest" data-testid="kiosk-code">
            {state.data.code}
          </p>
          <p>Works once, until {new Date(state.data.expiresAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.</p>
        </div>
      ) : null}
      <div className="space-y-1">
        <Label htmlFor="kiosk-store">Kiosk for</Label>
        <select id="kiosk-store" name="store" required className="block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base">
          {stores.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name} ({s.code})
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <MonitorSmartphone aria-hidden className="size-4" />}
        Create pairing code
      </Button>
    </form>
  );
}
