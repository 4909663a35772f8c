import type { ReactNode } from 'react';
import { requirePageActor } from '@/lib/auth/current-actor';
import { isOfflineShellRequest } from '@/lib/staff/offline-shell-request';
import { AppShell } from './app-shell';

/** Layout for every signed-in surface; pages still check their own role and scope. */
export async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <AppShell actor={actor} offlineShell={await isOfflineShellRequest()}>
      {children}
    </AppShell>
  );
}
