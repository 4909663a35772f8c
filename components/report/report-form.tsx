'use client';

import { Loader2, Send } from 'lucide-react';
import dynamic from 'next/dynamic';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { type FieldIssue, sendThroughOutbox } from '@/lib/client/outbox';
import type { PreparedPhoto } from '@/lib/client/photos';
import type { IncidentType } from '@/lib/domain/enums';
import { ChoiceGroup } from './choice-group';
import type { OffenderDraft } from './offender-fields';
import { GOODS_TYPES, REPORT_TYPES, VIOLENT_TYPES } from './report-types';

// Everything after "What happened?" appears once a type is chosen. It is its own chunk,
// fetched as soon as the page is idle, so the first download (panic button and type
// choice) stays small and the rest is there by the time anyone taps.
const loadDetails = () => import('./report-details').then((m) => m.ReportDetails);
const ReportDetails = dynamic(loadDetails, { loading: () => <p className="text-slate-600">Loading…</p> });

export type Zone = { id: string; name: string };
export type ReportOutcome =
  { status: 'sent'; ref: string; type: IncidentType } | { status: 'queued'; type: IncidentType };

export type Draft = {
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

const EMPTY: Draft = {
  type: null,
  when: 'now',
  occurredAt: '',
  zoneId: null,
  goods: [],
  value: '',
  offenderCount: 1,
  offenders: [{}],
  flags: [],
  policeCalled: false,
  crimeRef: '',
  description: '',
  photos: [],
};

/** "12.50" or "£1,234" → pence; null when it is not an amount. */
export function poundsToPence(text: string): number | null {
  const clean = text.replace(/[£,\s]/g, '');
  if (clean === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

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
  useEffect(() => {
    void loadDetails();
  }, []);
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
    if (valuePence === null)
      return setIssues([{ path: 'lossPence', message: 'Enter an amount in pounds, like 24.50' }]);
    if (draft.when === 'earlier' && !draft.occurredAt)
      return setIssues([{ path: 'occurredAt', message: 'Enter when it happened' }]);

    const report = {
      store,
      type,
      ...(draft.zoneId ? { zoneId: draft.zoneId } : {}),
      ...(draft.when === 'earlier'
        ? { occurredAt: new Date(draft.occurredAt).toISOString() }
        : { occurredAt: new Date().toISOString() }),
      goodsCategories: asksGoods ? draft.goods : [],
      lossPence: asksGoods ? valuePence : 0,
      offenderCount: draft.offenderCount,
      offenderDescriptions: draft.offenders.map((o) =>
        Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')),
      ),
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
    const result = await sendThroughOutbox(
      '/api/incidents',
      body,
      headers,
      `${label}${zone ? ` · ${zone}` : ''} · ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`,
    );
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
    <form
      onSubmit={(e) => void submit(e)}
      className="space-y-6 pb-28"
      noValidate
      aria-describedby={error ? 'report-error' : undefined}
    >
      <ChoiceGroup
        legend="What happened?"
        name="type"
        large
        options={REPORT_TYPES.map((t) => ({
          value: t.type,
          label: t.label,
          icon: <t.icon aria-hidden className="size-6" />,
        }))}
        value={type ? [type] : []}
        onChange={(v) => set({ type: (v[0] as IncidentType | undefined) ?? null })}
      />

      {type ? (
        <ReportDetails
          draft={draft}
          set={set}
          zones={zones}
          issueFor={issueFor}
          asksGoods={asksGoods}
          asksViolence={asksViolence}
        />
      ) : null}

      {error ? (
        <p id="report-error" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      ) : null}

      <div
        className={
          type ? 'fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 p-3 backdrop-blur' : 'sr-only'
        }
      >
        <button
          type="submit"
          disabled={sending || !type}
          className="mx-auto flex min-h-14 w-full max-w-xl items-center justify-center gap-2 rounded-lg bg-brand-700 text-lg font-bold text-white disabled:bg-slate-400"
        >
          {sending ? <Loader2 aria-hidden className="size-5 animate-spin" /> : <Send aria-hidden className="size-5" />}
          {sending ? 'Sending…' : 'Send report'}
        </button>
      </div>
    </form>
  );
}
