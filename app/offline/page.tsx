import { WifiOff } from 'lucide-react';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Offline' };

// Precached by the service worker and shown for any page that was never opened online.
export default function OfflinePage() {
  return (
    <main className="mx-auto max-w-md p-6">
      <h1 className="flex items-center gap-2 text-2xl font-semibold text-slate-900">
        <WifiOff aria-hidden className="size-6" />
        You are offline
      </h1>
      <p className="mt-3 text-slate-700">This page needs a connection. You can still report something: the report is kept on this device and sent when you are back online.</p>
      <p className="mt-3 text-slate-700">If anyone is in danger, call 999.</p>
      <div className="mt-5 flex flex-wrap gap-2">
        <a href="/report" className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white">
          Report something
        </a>
        <a href="tel:999" className="inline-flex min-h-12 items-center rounded-lg border-2 border-red-700 px-4 font-semibold text-red-800">
          Call 999
        </a>
      </div>
    </main>
  );
}
