'use client';

import { Minus, Plus } from 'lucide-react';
import { FieldLabel, TextInput } from './fields';

export type OffenderDraft = {
  height?: 'short' | 'average' | 'tall';
  build?: 'slim' | 'medium' | 'heavy';
  clothing?: string;
  features?: string;
};

const MAX_DESCRIBED = 3;
const HEIGHTS = ['short', 'average', 'tall'] as const;
const BUILDS = ['slim', 'medium', 'heavy'] as const;

/** A fixed choice where "Not sure" is always allowed and means "leave it out". */
function NotSureSelect<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: T | undefined;
  options: readonly T[];
  onChange: (v: T | undefined) => void;
}) {
  return (
    <div>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <select
        id={id}
        className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2"
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}
      >
        <option value="">Not sure</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o.charAt(0).toUpperCase() + o.slice(1)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** How many people, and what they looked like: fixed questions, no prompts for names or guesses. */
export function OffenderFields({
  count,
  descriptions,
  onChange,
}: {
  count: number;
  descriptions: OffenderDraft[];
  onChange: (count: number, descriptions: OffenderDraft[]) => void;
}) {
  const setCount = (n: number) => {
    const next = Math.max(0, Math.min(20, n));
    const described = Math.min(next, MAX_DESCRIBED);
    onChange(
      next,
      Array.from({ length: described }, (_, i) => descriptions[i] ?? {}),
    );
  };
  const update = (i: number, patch: Partial<OffenderDraft>) =>
    onChange(
      count,
      descriptions.map((d, j) => (j === i ? { ...d, ...patch } : d)),
    );

  return (
    <fieldset className="min-w-0">
      <legend className="mb-2 text-base font-semibold text-slate-900">How many people were involved?</legend>
      <div className="flex items-center gap-3">
        <button
          type="button"
          className="flex size-12 items-center justify-center rounded-md border border-slate-400 bg-white"
          onClick={() => setCount(count - 1)}
          aria-label="One fewer person"
          disabled={count === 0}
        >
          <Minus aria-hidden className="size-5" />
        </button>
        <output
          className="min-w-8 text-center text-xl font-semibold"
          aria-live="polite"
          aria-label={`${count} ${count === 1 ? 'person' : 'people'}`}
        >
          {count}
        </output>
        <button
          type="button"
          className="flex size-12 items-center justify-center rounded-md border border-slate-400 bg-white"
          onClick={() => setCount(count + 1)}
          aria-label="One more person"
        >
          <Plus aria-hidden className="size-5" />
        </button>
      </div>
      {descriptions.map((d, i) => (
        <div key={i} className="mt-3 space-y-3 rounded-lg border border-slate-300 bg-slate-50 p-3">
          <p className="font-medium text-slate-900">Person {i + 1}</p>
          <div className="grid grid-cols-2 gap-3">
            <NotSureSelect
              id={`height-${i}`}
              label="Height"
              value={d.height}
              options={HEIGHTS}
              onChange={(height) => update(i, { height })}
            />
            <NotSureSelect
              id={`build-${i}`}
              label="Build"
              value={d.build}
              options={BUILDS}
              onChange={(build) => update(i, { build })}
            />
          </div>
          <div>
            <FieldLabel htmlFor={`clothing-${i}`}>Clothing</FieldLabel>
            <TextInput
              id={`clothing-${i}`}
              extra="mt-1"
              maxLength={200}
              placeholder="e.g. grey hoodie, black cap"
              value={d.clothing ?? ''}
              onChange={(e) => update(i, { clothing: e.target.value })}
            />
          </div>
          <div>
            <FieldLabel htmlFor={`features-${i}`}>Anything that stood out</FieldLabel>
            <TextInput
              id={`features-${i}`}
              extra="mt-1"
              maxLength={200}
              placeholder="e.g. tattoo on left hand, carrying a rucksack"
              value={d.features ?? ''}
              onChange={(e) => update(i, { features: e.target.value })}
            />
          </div>
        </div>
      ))}
      {count > MAX_DESCRIBED ? (
        <p className="mt-2 text-sm text-slate-600">
          Describe the first {MAX_DESCRIBED}; add anything else in the notes.
        </p>
      ) : null}
    </fieldset>
  );
}
