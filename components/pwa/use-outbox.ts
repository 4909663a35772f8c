'use client';

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { EMPTY_STATUS, onOutboxStatus, type OutboxStatus, outboxStatus, requestReplay, warmPages } from '@/lib/client/outbox';

/** The outbox's live state for this page, and whether the browser thinks it is online. */
const subscribeOnline = (cb: () => void) => {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
};

/** Whether the browser believes it is online (true during server rendering). */
export const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);

export function useOutbox(warmUrls: readonly string[] = []) {
  const [status, setStatus] = useState<OutboxStatus>(EMPTY_STATUS);
  const [offlineReady, setOfflineReady] = useState(false);
  const online = useOnline();
  const refresh = useCallback(() => void outboxStatus().then(setStatus), []);
  const warm = warmUrls.join('|');

  useEffect(() => {
    const unsubscribe = onOutboxStatus(setStatus);
    const whenControlled = () => {
      refresh();
      // App start: where there is no native background sync this is the fallback replay.
      requestReplay();
      // Offline-ready once this person's pages are in the cache (the first visit happens before the worker runs).
      if (warm && navigator.onLine) void warmPages(warm.split('|')).then((r) => setOfflineReady(r !== null));
    };
    if (navigator.serviceWorker?.controller) whenControlled();
    navigator.serviceWorker?.addEventListener('controllerchange', whenControlled);
    const goOnline = () => requestReplay();
    window.addEventListener('online', goOnline);
    return () => {
      unsubscribe();
      navigator.serviceWorker?.removeEventListener('controllerchange', whenControlled);
      window.removeEventListener('online', goOnline);
    };
  }, [refresh, warm]);

  return { status, online, offlineReady, refresh };
}
