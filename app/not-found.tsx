import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-semibold">We couldn&apos;t find that page</h1>
      <p className="text-slate-700">The link may be old or mistyped.</p>
      <Link href="/" className="font-semibold text-brand-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
