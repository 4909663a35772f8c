'use client';

import { HeartHandshake } from 'lucide-react';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/domain/format';
import { completeWellbeingCheckAction } from '../actions';

type Check = { id: string; incidentRef: string; incidentType: string; colleagueName: string | null; dueAt: string; overdue: boolean };

function CheckItem({ check, timeZone }: { check: Check; timeZone: string }) {
  const [state, action, pending] = useActionState(completeWellbeingCheckAction, null);
  const overdue = check.overdue;
  return (
    <li className="rounded-md border border-slate-300 p-3" data-testid="wellbeing-check">
      <p className="font-medium">
        Check in with {check.colleagueName ?? 'the colleague'} <span className="font-normal text-slate-600">after {check.incidentRef}</span>
      </p>
      <p className={overdue ? 'text-sm font-semibold text-red-800' : 'text-sm text-slate-700'}>
        {overdue ? 'Overdue since' : 'Due by'} {formatDateTime(check.dueAt, timeZone)}
      </p>
      <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={check.id} />
        <label className="min-w-0 flex-1 text-sm">
          <span className="block text-slate-700">What you offered (optional)</span>
          <input name="note" maxLength={500} className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-2" />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          Mark done
        </Button>
      </form>
      {state && !state.ok ? <p role="alert" className="mt-1 text-sm text-red-800">{state.error}</p> : null}
    </li>
  );
}

/** After violence or abuse against a colleague: the manager's check-ins, tracked to done. */
export function WellbeingChecks({ checks, timeZone }: { checks: Check[]; timeZone: string }) {
  return (
    <section aria-labelledby="wellbeing-heading">
      <h2 id="wellbeing-heading" className="mb-2 flex items-center gap-2 font-semibold">
        <HeartHandshake aria-hidden className="size-5 text-brand-700" /> Colleague check-ins
      </h2>
      {checks.length === 0 ? (
        <p className="text-sm text-slate-700">Nobody is waiting for a check-in. After violence, threats or abuse is reported, a check-in to do within 24 hours appears here.</p>
      ) : (
        <ul className="space-y-2">
          {checks.map((c) => (
            <CheckItem key={c.id} check={c} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </section>
  );
}
