'use client';

import { Loader2, Send } from 'lucide-react';
import { type FormEvent, useMemo, useState } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { type FieldIssue, sendThroughOutbox } from '@/lib/client/outbox';
import type { PreparedPhoto } from '@/lib/client/photos';
import { GOODS_CATEGORIES, type IncidentType } from '@/lib/domain/enums';
import { ChoiceGroup } from './choice-group';
import { type OffenderDraft, OffenderFields } from './offender-fields';
import { PhotoPicker } from './photo-picker';
import { GOODS_LABEL, GOODS_TYPES, REPORT_TYPES, VIOLENT_TYPES } from './report-types';

export type Zone = { id: string; name: string };
export type ReportOutcome = { status: 'sent'; ref: string; type: IncidentType } | { status: 'queued'; type: IncidentType };

type Draft = {
  type: IncidentType | null;
  when: 'now' | 'earlier';
  occurredAt: string;
  zoneId: string | null;
  goods: string[];
  value: string;
  offenderCount: number;
  offenders: OffenderDraft[];
  flags: string[];
  policeCalled: boolean;
  crimeRef: string;
  description: string;
  photos: PreparedPhoto[];
};

const EMPTY: Draft = { type: null, when: 'now', occurredAt: '', zoneId: null, goods: [], value: '', offenderCount: 1, offenders: [{}], flags: [], policeCalled: false, crimeRef: '', description: '', photos: [] };

/** "12.50" or "£1,234" → pence; null when it is not an amount. */
export function poundsToPence(text: string): number | null {
  const clean = text.replace(/[£,\s]/g, '');
  if (clean === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

const localNow = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * The quick report, shared by the phone app and the in-store kiosk. The common theft
 * report is: type, area, what, value, send. Everything else is optional and further down.
 */
export function ReportForm({
  store,
  zones,
  onSubmitted,
  extraHeaders = {},
}: {
  store: string;
  zones: Zone[];
  onSubmitted: (outcome: ReportOutcome) => void;
  /** The kiosk sends the identified colleague's token with each report. */
  extraHeaders?: Record<string, string>;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const issueFor = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;

  const type = draft.type;
  const asksGoods = type !== null && GOODS_TYPES.includes(type);
  const asksViolence = type !== null && VIOLENT_TYPES.includes(type);
  const valuePence = useMemo(() => poundsToPence(draft.value), [draft.value]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setIssues([]);
    if (!type) return setError('Choose what happened first.');
    if (valuePence === null) return setIssues([{ path: 'lossPence', message: 'Enter an amount in pounds, like 24.50' }]);
    if (draft.when === 'earlier' && !draft.occurredAt) return setIssues([{ path: 'occurredAt', message: 'Enter when it happened' }]);

    const report = {
      store,
      type,
      ...(draft.zoneId ? { zoneId: draft.zoneId } : {}),
      ...(draft.when === 'earlier' ? { occurredAt: new Date(draft.occurredAt).toISOString() } : { occurredAt: new Date().toISOString() }),
      goodsCategories: asksGoods ? draft.goods : [],
      lossPence: asksGoods ? valuePence : 0,
      offenderCount: draft.offenderCount,
      offenderDescriptions: draft.offenders.map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''))),
      weaponInvolved: asksViolence && draft.flags.includes('weapon'),
      injury: asksViolence && draft.flags.includes('injury'),
      threatMade: asksViolence && draft.flags.includes('threat'),
      policeCalled: draft.policeCalled,
      ...(draft.policeCalled && draft.crimeRef.trim() ? { policeCrimeRef: draft.crimeRef.trim() } : {}),
      ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    };
    const key = crypto.randomUUID();
    let body: BodyInit;
    const headers: Record<string, string> = { ...extraHeaders, 'idempotency-key': key };
    if (draft.photos.length > 0) {
      const form = new FormData();
      form.append('report', JSON.stringify(report));
      draft.photos.forEach((p, i) => {
        form.append('photo', p.blob, `photo-${i + 1}.jpg`);
        form.append('photoSha256', p.sha256);
      });
      body = form;
    } else {
      body = JSON.stringify(report);
      headers['content-type'] = 'application/json';
    }
    const label = REPORT_TYPES.find((t) => t.type === type)!.label;
    const zone = zones.find((z) => z.id === draft.zoneId)?.name;
    setSending(true);
    const result = await sendThroughOutbox('/api/incidents', body, headers, `${label}${zone ? ` · ${zone}` : ''} · ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`);
    setSending(false);
    if (result.status === 'sent') {
      draft.photos.forEach((p) => URL.revokeObjectURL(p.previewUrl));
      setDraft(EMPTY);
      onSubmitted({ status: 'sent', ref: String(result.body.ref), type });
    } else if (result.status === 'queued') {
      setDraft(EMPTY);
      onSubmitted({ status: 'queued', type });
    } else if (result.status === 'rejected') {
      setError(result.message);
      setIssues(result.issues);
    } else {
      setError(result.message);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-6 pb-28" noValidate aria-describedby={error ? 'report-error' : undefined}>
      <ChoiceGroup
        legend="What happened?"
        name="type"
        large
        options={REPORT_TYPES.map((t) => ({ value: t.type, label: t.label, icon: <t.icon aria-hidden className="size-6" /> }))}
        value={type ? [type] : []}
        onChange={(v) => set({ type: (v[0] as IncidentType | undefined) ?? null })}
      />

      {type ? (
        <>
          <fieldset className="min-w-0">
            <legend className="mb-2 text-base font-semibold text-slate-900">When?</legend>
            <div className="flex gap-2">
              {(['now', 'earlier'] as const).map((w) => (
                <label key={w} className={`flex min-h-12 flex-1 cursor-pointer items-center justify-center rounded-lg border-2 font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${draft.when === w ? 'border-brand-700 bg-brand-50 text-brand-800' : 'border-slate-300 bg-white'}`}>
                  <input type="radio" name="when" className="sr-only" checked={draft.when === w} onChange={() => set({ when: w, occurredAt: w === 'earlier' ? localNow() : '' })} />
                  {w === 'now' ? 'Just now' : 'Earlier'}
                </label>
              ))}
            </div>
            {draft.when === 'earlier' ? (
              <div className="mt-2">
                <Label htmlFor="occurredAt">Date and time</Label>
                <Input id="occurredAt" type="datetime-local" className="mt-1" max={localNow()} value={draft.occurredAt} onChange={(e) => set({ occurredAt: e.target.value })} aria-invalid={!!issueFor('occurredAt')} aria-describedby={issueFor('occurredAt') ? 'occurredAt-error' : undefined} />
                {issueFor('occurredAt') ? <p id="occurredAt-error" className="mt-1 text-sm text-red-800">{issueFor('occurredAt')}</p> : null}
              </div>
            ) : null}
          </fieldset>

          {zones.length > 0 ? (
            <ChoiceGroup legend="Where in the store?" name="zone" options={zones.map((z) => ({ value: z.id, label: z.name }))} value={draft.zoneId ? [draft.zoneId] : []} onChange={(v) => set({ zoneId: v[0] ?? null })} />
          ) : null}

          {asksGoods ? (
            <>
              <ChoiceGroup legend="What was taken or damaged?" hint="Choose all that apply." name="goods" multiple options={GOODS_CATEGORIES.map((g) => ({ value: g, label: GOODS_LABEL[g] ?? g }))} value={draft.goods} onChange={(v) => set({ goods: v })} />
              <div>
                <Label htmlFor="value" className="text-base font-semibold">
                  Roughly how much was it worth?
                </Label>
                <div className="relative mt-2">
                  <span aria-hidden className="absolute inset-y-0 left-3 flex items-center text-slate-600">
                    £
                  </span>
                  <Input id="value" inputMode="decimal" autoComplete="off" className="pl-7" placeholder="0.00" value={draft.value} onChange={(e) => set({ value: e.target.value })} aria-invalid={!!issueFor('lossPence')} aria-describedby={issueFor('lossPence') ? 'value-error' : undefined} />
                </div>
                {issueFor('lossPence') ? <p id="value-error" className="mt-1 text-sm text-red-800">{issueFor('lossPence')}</p> : null}
              </div>
            </>
          ) : null}

          <OffenderFields count={draft.offenderCount} descriptions={draft.offenders} onChange={(offenderCount, offenders) => set({ offenderCount, offenders })} />

          {asksViolence ? (
            <ChoiceGroup
              legend="Did any of these happen?"
              hint="Choose all that apply."
              name="flags"
              multiple
              columns={3}
              options={[
                { value: 'weapon', label: 'A weapon' },
                { value: 'injury', label: 'Someone hurt' },
                { value: 'threat', label: 'Threats' },
              ]}
              value={draft.flags}
              onChange={(v) => set({ flags: v })}
            />
          ) : null}

          <div className="space-y-2">
            <label className="flex min-h-12 cursor-pointer items-center gap-3 text-base font-semibold">
              <input type="checkbox" className="size-6 accent-brand-700" checked={draft.policeCalled} onChange={(e) => set({ policeCalled: e.target.checked })} />
              The police were called
            </label>
            {draft.policeCalled ? (
              <div>
                <Label htmlFor="crimeRef">Police reference (if you have it)</Label>
                <Input id="crimeRef" className="mt-1" maxLength={60} autoComplete="off" value={draft.crimeRef} onChange={(e) => set({ crimeRef: e.target.value })} />
              </div>
            ) : null}
          </div>

          <div>
            <Label htmlFor="description" className="text-base font-semibold">
              Anything else? <span className="font-normal text-slate-600">(optional)</span>
            </Label>
            <textarea id="description" rows={3} maxLength={4000} className="mt-2 block w-full rounded-md border border-slate-400 bg-white p-3 text-base" placeholder="What happened, in a few words" value={draft.description} onChange={(e) => set({ description: e.target.value })} />
          </div>

          <PhotoPicker photos={draft.photos} onChange={(photos) => set({ photos })} />
        </>
      ) : null}

      {error ? (
        <p id="report-error" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      ) : null}

      <div className={type ? 'fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 p-3 backdrop-blur' : 'sr-only'}>
        <button type="submit" disabled={sending || !type} className="mx-auto flex min-h-14 w-full max-w-xl items-center justify-center gap-2 rounded-lg bg-brand-700 text-lg font-bold text-white disabled:bg-slate-400">
          {sending ? <Loader2 aria-hidden className="size-5 animate-spin" /> : <Send aria-hidden className="size-5" />}
          {sending ? 'Sending…' : 'Send report'}
        </button>
      </div>
    </form>
  );
}
