import type { InputHTMLAttributes, LabelHTMLAttributes } from 'react';

// The report form's own text input and label: the same look as components/ui, but with
// fixed class lists (no tailwind-merge), which keeps the phone's first download small.
const INPUT = 'block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900 placeholder:text-slate-500 aria-invalid:border-red-700';

export function TextInput({ extra = '', ...props }: InputHTMLAttributes<HTMLInputElement> & { extra?: string }) {
  return <input className={`${INPUT} ${extra}`} {...props} />;
}

export function FieldLabel({ strong = false, ...props }: LabelHTMLAttributes<HTMLLabelElement> & { strong?: boolean }) {
  return <label className={strong ? 'block text-base font-semibold text-slate-900' : 'block text-sm font-medium text-slate-800'} {...props} />;
}
