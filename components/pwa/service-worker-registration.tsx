'use client';

import { useEffect } from 'react';
import { clearCachedPages } from '@/lib/client/outbox';

/** Registers the service worker on every page; on the sign-in page it also drops the last person's offline copies. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch((e: unknown) => console.warn('Service worker not registered:', e));
    if (window.location.pathname === '/sign-in') void clearCachedPages();
  }, []);
  return null;
}
