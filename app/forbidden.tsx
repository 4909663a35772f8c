import { ShieldX } from 'lucide-react';
import Link from 'next/link';

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 px-4 text-center">
      <ShieldX aria-hidden className="size-12 text-slate-500" />
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-slate-700">
        It belongs to another store, region or role. If you need it for your work, ask your manager or an administrator
        to change your access.
      </p>
      <Link href="/" className="font-semibold text-brand-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
