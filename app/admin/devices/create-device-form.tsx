'use client';

import { Check, Copy, Loader2 } from 'lucide-react';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { DEVICE_KINDS } from '@/lib/domain/enums';
import { createDeviceAction } from './actions';

const select = 'block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base';

export function CreateDeviceForm({ stores }: { stores: { code: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createDeviceAction, null);
  const [copied, setCopied] = useState(false);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-4">
      {state && !state.ok && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{state.error}</p>
      )}
      {state?.ok && (
        <div role="status" className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          <p className="font-medium">Device registered. Copy its API key now: it will not be shown again.</p>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs" data-testid="api-key">{state.data.apiKey}</code>
            <Button
              variant="secondary"
              className="min-h-9"
              onClick={() => void navigator.clipboard?.writeText(state.data.apiKey).then(() => setCopied(true))}
            >
              {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
              {copied ? 'Copied' : 'Copy key'}
            </Button>
          </div>
        </div>
      )}
      <div className="grid gap-4">
        <div className="space-y-1">
          <Label htmlFor="store">Store</Label>
          <select id="store" name="store" required className={select} aria-invalid={!!errors.store}>
            {stores.map((s) => (
              <option key={s.code} value={s.code}>{s.name} ({s.code})</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="kind">Kind</Label>
          <select id="kind" name="kind" required className={select} defaultValue="camera">
            {DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>{k === 'pos' ? 'POS (tills)' : k === 'vms' ? 'VMS' : k.charAt(0).toUpperCase() + k.slice(1)}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="vendor">Vendor</Label>
          <Input id="vendor" name="vendor" required placeholder="frigate, axis, generic…" aria-invalid={!!errors.vendor} aria-describedby={errors.vendor ? 'vendor-error' : undefined} />
          {errors.vendor && <p id="vendor-error" className="text-sm text-red-800">{errors.vendor}</p>}
        </div>
        <div className="space-y-1">
          <Label htmlFor="ref">Vendor reference (optional)</Label>
          <Input id="ref" name="ref" placeholder="e.g. the Frigate camera name" aria-describedby="ref-hint" />
          <p id="ref-hint" className="text-sm text-slate-600">How MQTT messages name this device.</p>
        </div>
        <div className="space-y-1">
          <Label htmlFor="name">Name (optional)</Label>
          <Input id="name" name="name" placeholder="Entrance camera" />
        </div>
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending && <Loader2 aria-hidden className="size-4 animate-spin" />}
        Register device
      </Button>
    </form>
  );
}
