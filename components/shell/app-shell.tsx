import { LogOut, ShieldCheck } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { Actor } from '@/lib/auth/actor';
import { ROLE_LABEL } from '@/lib/ui/labels';
import { signOutAction } from './sign-out-action';
import { navItemsFor } from './nav-items';

/** `offlineShell`: the service worker's offline copy, which must not name anyone (lib/staff/offline-shell.ts). */
export function AppShell({ actor, offlineShell = false, children }: { actor: Actor; offlineShell?: boolean; children: ReactNode }) {
  const items = navItemsFor(actor);
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 font-semibold text-brand-800">
            <ShieldCheck aria-hidden className="size-6" />
            Vigil
          </Link>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            {items.map((item) => (
              <Link key={item.href} href={item.href} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            {offlineShell ? null : (
              <span className="text-slate-700">
                <span className="font-medium text-slate-900">{actor.name}</span>
                <span className="hidden sm:inline"> · {actor.roles.map((r) => ROLE_LABEL[r]).join(', ')}</span>
              </span>
            )}
            <form action={signOutAction}>
              <Button type="submit" variant="ghost" className="min-h-9 px-2">
                <LogOut aria-hidden className="size-4" />
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
