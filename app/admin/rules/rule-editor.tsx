'use client';

import { FlaskConical, Loader2, Save } from 'lucide-react';
import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ROLES, RULE_KINDS, SEVERITIES } from '@/lib/domain/enums';
import { SECURITY_EVENT_TYPES } from '@/lib/ingest/types';
import { ROLE_LABEL } from '@/lib/ui/labels';
import { ruleEditorAction } from './actions';

export type EditableRule = {
  id?: string;
  name: string;
  kind: (typeof RULE_KINDS)[number];
  condition: Record<string, unknown>;
  severity: (typeof SEVERITIES)[number];
  recipientRoles: string[];
  suppressionSeconds: number;
  escalationDelaySeconds: number;
  scope: 'all' | 'region' | 'store';
  scopeCode?: string;
  enabled: boolean;
};

const KIND_LABEL = { threshold: 'Threshold: N events within a window', correlation: 'Correlation: two events close together', pos_exception: 'Till exception', anomaly: 'Anomaly against baseline' };
const select = 'block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base';
const label = (t: string) => t.replace(/_/g, ' ');

function Field({ id, text, hint, error, children }: { id: string; text: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{text}</Label>
      {children}
      {hint && <p className="text-sm text-slate-600">{hint}</p>}
      {error && <p className="text-sm text-red-800">{error}</p>}
    </div>
  );
}

export function RuleEditor({ rule, stores, regions }: { rule: EditableRule; stores: { code: string; name: string }[]; regions: { code: string; name: string }[] }) {
  const [state, action, pending] = useActionState(ruleEditorAction, null);
  const [kind, setKind] = useState(rule.kind);
  const [scope, setScope] = useState(rule.scope);
  const c = rule.kind === kind ? rule.condition : {};
  const num = (k: string, fallback: number) => (typeof c[k] === 'number' ? (c[k] as number) : fallback);
  const str = (k: string, fallback: string) => (typeof c[k] === 'string' ? (c[k] as string) : fallback);
  const failed = state?.saved && !state.saved.ok ? state.saved : state?.backtest && !state.backtest.ok ? state.backtest : null;
  const errors = failed?.fieldErrors ?? {};
  const err = (path: string) => errors[path];

  return (
    <form
      className="space-y-5"
      key={rule.id ?? 'new'}
      // Submitted by hand: a form `action` makes React reset every field afterwards, and a
      // preview must not wipe what the editor has typed.
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter;
        const data = new FormData(e.currentTarget, submitter);
        startTransition(() => action(data));
      }}
    >
      {rule.id && <input type="hidden" name="id" value={rule.id} />}
      {failed && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <p>{failed.error}</p>
          {Object.entries(errors).length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(errors).map(([k, v]) => (
                <li key={k}>{label(k.replace('condition.', ''))}: {v}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state?.saved?.ok && <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">{state.saved.message}</p>}

      <Field id="name" text="Name" error={err('name')}>
        <Input id="name" name="name" defaultValue={rule.name} required />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="kind" text="Kind">
          <select id="kind" name="kind" className={select} value={kind} onChange={(e) => setKind(e.target.value as EditableRule['kind'])}>
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>{KIND_LABEL[k]}</option>
            ))}
          </select>
        </Field>
        <Field id="severity" text="Severity">
          <select id="severity" name="severity" className={select} defaultValue={rule.severity}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>{s.charAt(0).toUpperCase() + s.slice(1)}</option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Condition</legend>
        {kind === 'threshold' && (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="t-type" text="Event type">
              <select id="t-type" name="condition.threshold.eventType" className={select} defaultValue={str('eventType', 'eas_alarm')}>
                {SECURITY_EVENT_TYPES.map((t) => <option key={t} value={t}>{label(t)}</option>)}
              </select>
            </Field>
            <Field id="t-count" text="At least (events)" error={err('condition.count')}>
              <Input id="t-count" name="condition.threshold.count" type="number" min={1} defaultValue={num('count', 3)} />
            </Field>
            <Field id="t-window" text="Within (minutes)" error={err('condition.windowSeconds')}>
              <Input id="t-window" name="condition.threshold.windowMinutes" type="number" min={1} step="any" defaultValue={num('windowSeconds', 600) / 60} />
            </Field>
            <label className="flex items-center gap-2 text-sm sm:col-span-3">
              <input type="checkbox" name="condition.threshold.perZone" defaultChecked={c.perZone === true} className="size-5" />
              Count each zone separately
            </label>
          </div>
        )}
        {kind === 'correlation' && (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="c-first" text="First event">
              <select id="c-first" name="condition.correlation.firstType" className={select} defaultValue={str('firstType', 'eas_alarm')}>
                {SECURITY_EVENT_TYPES.map((t) => <option key={t} value={t}>{label(t)}</option>)}
              </select>
            </Field>
            <Field id="c-second" text="Second event">
              <select id="c-second" name="condition.correlation.secondType" className={select} defaultValue={str('secondType', 'person_detected')}>
                {SECURITY_EVENT_TYPES.map((t) => <option key={t} value={t}>{label(t)}</option>)}
              </select>
            </Field>
            <Field id="c-within" text="Within (seconds)" error={err('condition.withinSeconds')}>
              <Input id="c-within" name="condition.correlation.withinSeconds" type="number" min={1} defaultValue={num('withinSeconds', 30)} />
            </Field>
            <label className="flex items-center gap-2 text-sm sm:col-span-3">
              <input type="checkbox" name="condition.correlation.sameZone" defaultChecked={c.sameZone === true} className="size-5" />
              Only in the same zone
            </label>
          </div>
        )}
        {kind === 'pos_exception' && (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="p-pattern" text="Pattern">
              <select id="p-pattern" name="condition.pos_exception.pattern" className={select} defaultValue={str('pattern', 'refund_without_receipt')}>
                {['refund_without_receipt', 'refunds_same_card', 'voids_per_operator', 'no_sales_per_operator', 'price_overrides_per_operator'].map((p) => (
                  <option key={p} value={p}>{label(p)}</option>
                ))}
              </select>
            </Field>
            <Field id="p-min" text="Refund over (£)" hint="For refunds without a receipt">
              <Input id="p-min" name="condition.pos_exception.minPounds" type="number" min={0} step="0.01" defaultValue={num('minPence', 5000) / 100} />
            </Field>
            <Field id="p-count" text="At least (per operator or card)">
              <Input id="p-count" name="condition.pos_exception.count" type="number" min={1} defaultValue={num('count', 3)} />
            </Field>
            <Field id="p-window" text="Within (hours)" hint="A shift is 8 hours">
              <Input id="p-window" name="condition.pos_exception.windowHours" type="number" min={1} step="any" defaultValue={num('windowSeconds', 8 * 3600) / 3600} />
            </Field>
          </div>
        )}
        {kind === 'anomaly' && (
          <p className="text-sm text-slate-700">
            Compares each store&apos;s (or till operator&apos;s) count over the last 24 hours with its own past 28 days and
            with its peers, using robust z-scores (median and MAD). Scored every 15 minutes; one alert per anomaly per 6 hours.
          </p>
        )}
        {kind === 'anomaly' && (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="a-subject" text="Compare">
              <select id="a-subject" name="condition.anomaly.subject" className={select} defaultValue={str('subject', 'store')}>
                <option value="store">Stores</option>
                <option value="operator">Till operators</option>
              </select>
            </Field>
            <Field id="a-type" text="Event or till transaction type" hint="e.g. shelf_sweep, or void for operators">
              <Input id="a-type" name="condition.anomaly.eventType" defaultValue={str('eventType', 'theft')} />
            </Field>
            <Field id="a-z" text="Robust z-score over">
              <Input id="a-z" name="condition.anomaly.zThreshold" type="number" step="0.1" min={1} defaultValue={num('zThreshold', 3.5)} />
            </Field>
          </div>
        )}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="scope" text="Applies to">
          <select id="scope" name="scope" className={select} value={scope} onChange={(e) => setScope(e.target.value as EditableRule['scope'])}>
            <option value="all">Every store</option>
            <option value="region">One region</option>
            <option value="store">One store</option>
          </select>
        </Field>
        {scope === 'store' && (
          <Field id="scope-store" text="Store" error={err('scopeCode')}>
            <select id="scope-store" name="scopeCode.store" className={select} defaultValue={rule.scope === 'store' ? rule.scopeCode : undefined}>
              {stores.map((s) => <option key={s.code} value={s.code}>{s.name} ({s.code})</option>)}
            </select>
          </Field>
        )}
        {scope === 'region' && (
          <Field id="scope-region" text="Region" error={err('scopeCode')}>
            <select id="scope-region" name="scopeCode.region" className={select} defaultValue={rule.scope === 'region' ? rule.scopeCode : undefined}>
              {regions.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
            </select>
          </Field>
        )}
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Alert these roles</legend>
        {err('recipientRoles') && <p className="text-sm text-red-800">{err('recipientRoles')}</p>}
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {ROLES.filter((r) => ['security', 'store_manager', 'regional_manager', 'investigator'].includes(r)).map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="recipientRoles" value={r} defaultChecked={rule.recipientRoles.includes(r)} className="size-5" />
              {ROLE_LABEL[r]}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="suppression" text="Quiet period after an alert (minutes)" hint="One burst makes one alert">
          <Input id="suppression" name="suppressionMinutes" type="number" min={0} step="any" defaultValue={rule.suppressionSeconds / 60} />
        </Field>
        <Field id="escalation" text="Escalate if not acknowledged within (minutes)" hint="0 means never">
          <Input id="escalation" name="escalationMinutes" type="number" min={0} step="any" defaultValue={rule.escalationDelaySeconds / 60} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={rule.enabled} className="size-5" />
        Enabled
      </label>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="backtest" variant="secondary" disabled={pending}>
          {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <FlaskConical aria-hidden className="size-4" />}
          Preview last 30 days
        </Button>
        <Button type="submit" name="intent" value="save" disabled={pending}>
          <Save aria-hidden className="size-4" />
          Save rule
        </Button>
      </div>

      <div aria-live="polite">
        {state?.backtest?.ok && (
          <section aria-label="Backtest" className="rounded-md border border-brand-100 bg-brand-50 p-4 text-sm text-brand-800">
            {(
              <>
                <p className="text-base font-semibold">
                  Would have fired {state.backtest.data.total.toLocaleString('en-GB')} time{state.backtest.data.total === 1 ? '' : 's'} in the last {state.backtest.data.days} days
                  {state.backtest.data.total > 0 && (state.backtest.data.perDay >= 1 ? ` (about ${state.backtest.data.perDay} a day)` : ' (less than once a day)')}.
                </p>
                {state.backtest.data.byStore.length > 0 && (
                  <ul className="mt-2 space-y-1">
                    {state.backtest.data.byStore.slice(0, 8).map((s) => (
                      <li key={s.storeCode} className="flex justify-between gap-4">
                        <span>{s.storeName} ({s.storeCode})</span>
                        <span className="tabular-nums">{s.fires}</span>
                      </li>
                    ))}
                  </ul>
                )}
                {state.backtest.data.total === 0 && <p className="mt-1">Nothing in the stored events matches. Check the event type and thresholds.</p>}
                {state.backtest.data.note && <p className="mt-1 text-brand-700">{state.backtest.data.note}</p>}
              </>
            )}
          </section>
        )}
      </div>
    </form>
  );
}
