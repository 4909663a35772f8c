import Link from 'next/link';

const LINKS = [
  { href: '/admin', label: 'People & audit' },
  { href: '/admin/devices', label: 'Devices' },
  { href: '/admin/rules', label: 'Alert rules' },
  { href: '/admin/context', label: 'Context data' },
];

export function AdminNav({ current }: { current: string }) {
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {LINKS.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          aria-current={l.href === current ? 'page' : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-700 hover:text-slate-900 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800"
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
