'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { IncidentStatus } from '@/lib/domain/enums';
import { humanise, phrase } from '@/lib/domain/format';
import { NEXT_STATUSES } from '@/lib/incidents/status-transitions';
import { changeIncidentStatusAction } from '../actions';

export function TriageForm({ id, status, refLabel }: { id: string; status: IncidentStatus; refLabel: string }) {
  const [state, action, pending] = useActionState(changeIncidentStatusAction, null);
  const options = NEXT_STATUSES[status];
  const [to, setTo] = useState<IncidentStatus | ''>(options[0] ?? '');
  if (options.length === 0) return null;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="mt-3 grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="from" value={status} />
      <div className="space-y-1">
        <Label htmlFor={`to-${id}`}>Move {refLabel} to</Label>
        <select id={`to-${id}`} name="to" value={to} onChange={(e) => setTo(e.target.value as IncidentStatus)} className="block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3">
          {options.map((o) => <option key={o} value={o}>{humanise(o)}</option>)}
        </select>
      </div>
      {to === 'referred_to_police' && (
        <div className="space-y-1">
          <Label htmlFor={`crime-${id}`}>Police crime reference</Label>
          <Input id={`crime-${id}`} name="crimeRef" aria-invalid={!!errors.crimeRef} required />
        </div>
      )}
      <div className="space-y-1 sm:col-span-2">
        <Label htmlFor={`comment-${id}`}>Note for the team (optional)</Label>
        <Input id={`comment-${id}`} name="comment" />
      </div>
      <div className="space-y-1 sm:col-span-2">
        <Label htmlFor={`msg-${id}`}>Message to the colleague who reported it (optional)</Label>
        <Input id={`msg-${id}`} name="messageToReporter" placeholder="Thank you for reporting this…" />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>Save</Button>
        {state && !state.ok && <p role="alert" className="text-sm text-red-800">{state.error}</p>}
        {state?.ok && <p role="status" className="text-sm text-green-800">{state.data.ref} is now {phrase(state.data.status)}.</p>}
      </div>
    </form>
  );
}
