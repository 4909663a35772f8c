import { ShieldCheck } from 'lucide-react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { homePath } from '@/lib/auth/policy';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const actor = await getCurrentActor();
  if (actor) redirect(homePath(actor));
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2 text-brand-800">
          <ShieldCheck aria-hidden className="size-8" />
          <span className="text-2xl font-semibold">Vigil</span>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
          <p className="mb-5 text-sm text-slate-700">Use your work email and password.</p>
          {params.signedOut && (
            <p role="status" className="mb-4 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-brand-800">
              You have signed out.
            </p>
          )}
          <SignInForm callbackUrl={params.callbackUrl} />
        </div>
      </div>
    </main>
  );
}
