// The pages a phone or kiosk can open offline. The service worker asks the server for a copy
// of each with OFFLINE_SHELL_HEADER, and the server renders it without anyone's personal data
// (no name in the header, no live alerts): that copy is what Cache Storage keeps, never a
// page as a signed-in person saw it. Shared with app/sw.ts, so no server imports here.
export const OFFLINE_SHELL_HEADER = 'x-vigil-offline-shell';

export function isOfflineShellPath(path: string): boolean {
  return path === '/report' || path === '/help' || /^\/kiosk\/[A-Za-z0-9_-]+$/.test(path);
}
