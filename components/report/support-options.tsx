import { HeartHandshake } from 'lucide-react';

export type SupportOption = { id: string; title: string; detail: string; contact: string | null };

const contactLabel = (c: string) => (c.startsWith('tel:') ? `Call ${c.slice(4).replace(/^(\d{4})(\d{3})(\d+)$/, '$1 $2 $3')}` : 'Open');

/** The organisation's own support list, offered after violence, threats or abuse. */
export function SupportOptions({ options }: { options: SupportOption[] }) {
  if (options.length === 0) return null;
  return (
    <section aria-labelledby="support-heading" className="rounded-xl border border-brand-600 bg-brand-50 p-4">
      <h2 id="support-heading" className="flex items-center gap-2 text-lg font-semibold text-brand-800">
        <HeartHandshake aria-hidden className="size-5" />
        Are you OK? Support is here
      </h2>
      <p className="mt-1 text-slate-800">Nobody should be treated like that at work. Your manager will check in with you within a day.</p>
      <ul className="mt-3 space-y-3">
        {options.map((o) => (
          <li key={o.id} className="rounded-md bg-white p-3">
            <p className="font-semibold text-slate-900">{o.title}</p>
            <p className="text-slate-700">{o.detail}</p>
            {o.contact ? (
              <a href={o.contact} className="mt-2 inline-flex min-h-11 items-center rounded-md border border-brand-700 px-3 font-semibold text-brand-800">
                {contactLabel(o.contact)}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
