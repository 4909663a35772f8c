'use client';

import { ChoiceGroup } from './choice-group';
import { FieldLabel, TextInput } from './fields';
import { OffenderFields } from './offender-fields';
import { PhotoPicker } from './photo-picker';
import type { Draft, Zone } from './report-form';
import { GOODS_LABEL } from './report-types';
import { GOODS_CATEGORIES } from '@/lib/domain/enums';

export const localNow = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The report's questions after "What happened?": when, where, what, who, and the rest. */
export function ReportDetails({
  draft,
  set,
  zones,
  issueFor,
  asksGoods,
  asksViolence,
}: {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  zones: Zone[];
  issueFor: (path: string) => string | undefined;
  asksGoods: boolean;
  asksViolence: boolean;
}) {
  return (
    <>
      <fieldset className="min-w-0">
        <legend className="mb-2 text-base font-semibold text-slate-900">When?</legend>
        <div className="flex gap-2">
          {(['now', 'earlier'] as const).map((w) => (
            <label
              key={w}
              className={`flex min-h-12 flex-1 cursor-pointer items-center justify-center rounded-lg border-2 font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${draft.when === w ? 'border-brand-700 bg-brand-50 text-brand-800' : 'border-slate-300 bg-white'}`}
            >
              <input
                type="radio"
                name="when"
                className="sr-only"
                checked={draft.when === w}
                onChange={() => set({ when: w, occurredAt: w === 'earlier' ? localNow() : '' })}
              />
              {w === 'now' ? 'Just now' : 'Earlier'}
            </label>
          ))}
        </div>
        {draft.when === 'earlier' ? (
          <div className="mt-2">
            <FieldLabel htmlFor="occurredAt">Date and time</FieldLabel>
            <TextInput
              id="occurredAt"
              type="datetime-local"
              extra="mt-1"
              max={localNow()}
              value={draft.occurredAt}
              onChange={(e) => set({ occurredAt: e.target.value })}
              aria-invalid={!!issueFor('occurredAt')}
              aria-describedby={issueFor('occurredAt') ? 'occurredAt-error' : undefined}
            />
            {issueFor('occurredAt') ? (
              <p id="occurredAt-error" className="mt-1 text-sm text-red-800">
                {issueFor('occurredAt')}
              </p>
            ) : null}
          </div>
        ) : null}
      </fieldset>

      {zones.length > 0 ? (
        <ChoiceGroup
          legend="Where in the store?"
          name="zone"
          options={zones.map((z) => ({ value: z.id, label: z.name }))}
          value={draft.zoneId ? [draft.zoneId] : []}
          onChange={(v) => set({ zoneId: v[0] ?? null })}
        />
      ) : null}

      {asksGoods ? (
        <>
          <ChoiceGroup
            legend="What was taken or damaged?"
            hint="Choose all that apply."
            name="goods"
            multiple
            options={GOODS_CATEGORIES.map((g) => ({ value: g, label: GOODS_LABEL[g] ?? g }))}
            value={draft.goods}
            onChange={(v) => set({ goods: v })}
          />
          <div>
            <FieldLabel strong htmlFor="value">
              Roughly how much was it worth?
            </FieldLabel>
            <div className="relative mt-2">
              <span aria-hidden className="absolute inset-y-0 left-3 flex items-center text-slate-600">
                £
              </span>
              <TextInput
                id="value"
                inputMode="decimal"
                autoComplete="off"
                extra="pl-7"
                placeholder="0.00"
                value={draft.value}
                onChange={(e) => set({ value: e.target.value })}
                aria-invalid={!!issueFor('lossPence')}
                aria-describedby={issueFor('lossPence') ? 'value-error' : undefined}
              />
            </div>
            {issueFor('lossPence') ? (
              <p id="value-error" className="mt-1 text-sm text-red-800">
                {issueFor('lossPence')}
              </p>
            ) : null}
          </div>
        </>
      ) : null}

      <OffenderFields
        count={draft.offenderCount}
        descriptions={draft.offenders}
        onChange={(offenderCount, offenders) => set({ offenderCount, offenders })}
      />

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
          <input
            type="checkbox"
            className="size-6 accent-brand-700"
            checked={draft.policeCalled}
            onChange={(e) => set({ policeCalled: e.target.checked })}
          />
          The police were called
        </label>
        {draft.policeCalled ? (
          <div>
            <FieldLabel htmlFor="crimeRef">Police reference (if you have it)</FieldLabel>
            <TextInput
              id="crimeRef"
              extra="mt-1"
              maxLength={60}
              autoComplete="off"
              value={draft.crimeRef}
              onChange={(e) => set({ crimeRef: e.target.value })}
            />
          </div>
        ) : null}
      </div>

      <div>
        <FieldLabel strong htmlFor="description">
          Anything else? <span className="font-normal text-slate-600">(optional)</span>
        </FieldLabel>
        <textarea
          id="description"
          rows={3}
          maxLength={4000}
          className="mt-2 block w-full rounded-md border border-slate-400 bg-white p-3 text-base"
          placeholder="What happened, in a few words"
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </div>

      <PhotoPicker photos={draft.photos} onChange={(photos) => set({ photos })} />
    </>
  );
}
