import type { ReactNode } from 'react';

// The kiosk is a full-screen, high-contrast surface of its own: no app shell, no navigation.
export default function KioskLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-dvh bg-white text-slate-950">{children}</div>;
}
