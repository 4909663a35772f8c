'use client';

import type { ReactNode } from 'react';
import { clsx as cn } from 'clsx';

type Option = { value: string; label: string; icon?: ReactNode };

/**
 * A set of big tappable choices built on native radio/checkbox inputs, so arrow keys,
 * Tab and screen readers work as they do for any form control.
 */
export function ChoiceGroup({
  legend,
  name,
  options,
  multiple = false,
  value,
  onChange,
  columns = 2,
  large = false,
  hint,
}: {
  legend: string;
  name: string;
  options: Option[];
  multiple?: boolean;
  value: string[];
  onChange: (value: string[]) => void;
  columns?: 2 | 3;
  large?: boolean;
  hint?: string;
}) {
  const toggle = (v: string, checked: boolean) => {
    if (!multiple) return onChange(checked ? [v] : []);
    onChange(checked ? [...value, v] : value.filter((x) => x !== v));
  };
  return (
    <fieldset className="min-w-0">
      <legend className="mb-2 text-base font-semibold text-slate-900">{legend}</legend>
      {hint ? <p className="-mt-1 mb-2 text-sm text-slate-600">{hint}</p> : null}
      <div className={cn('grid gap-2', columns === 3 ? 'grid-cols-3' : 'grid-cols-2')}>
        {options.map((o) => {
          const checked = value.includes(o.value);
          return (
            <label
              key={o.value}
              className={cn(
                'flex cursor-pointer items-center gap-2 rounded-lg border-2 px-3 text-sm font-medium select-none has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600',
                large ? 'min-h-16 flex-col justify-center py-2 text-center' : 'min-h-12',
                checked ? 'border-brand-700 bg-brand-50 text-brand-800' : 'border-slate-300 bg-white text-slate-800 hover:border-slate-400',
              )}
            >
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                value={o.value}
                checked={checked}
                onChange={(e) => toggle(o.value, e.target.checked)}
                className="sr-only"
              />
              {o.icon}
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
