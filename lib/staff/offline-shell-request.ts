import { headers } from 'next/headers';
import { OFFLINE_SHELL_HEADER } from './offline-shell';

/** Whether this render is the service worker's data-free offline copy (lib/staff/offline-shell.ts). */
export async function isOfflineShellRequest(): Promise<boolean> {
  return (await headers()).get(OFFLINE_SHELL_HEADER) === '1';
}
