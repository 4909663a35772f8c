import type { Metadata } from 'next';
import Link from 'next/link';
import { KioskApp } from '@/components/kiosk/kiosk-app';
import { KioskPairing } from '@/components/kiosk/kiosk-pairing';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { Unauthenticated } from '@/lib/errors';
import type { KioskSession } from '@/lib/kiosk/authenticate-kiosk';
import { listKioskAlerts } from '@/lib/kiosk/list-kiosk-alerts';
import { currentKiosk } from '@/lib/kiosk/kiosk-request';
import { isOfflineShellRequest } from '@/lib/staff/offline-shell-request';
import { reportContext } from '@/lib/staff/report-context';

export const metadata: Metadata = { title: 'Kiosk' };

export default async function KioskPage({ params }: { params: Promise<{ storeCode: string }> }) {
  const store = (await params).storeCode.toUpperCase();
  let kiosk: KioskSession | null = null;
  let problem: string | null = null;
  try {
    kiosk = await currentKiosk();
  } catch (e) {
    // A revoked kiosk lands here on its next request.
    if (!(e instanceof Unauthenticated)) throw e;
    problem = e.message;
  }
  if (!kiosk) return <KioskPairing store={store} problem={problem} />;
  if (kiosk.device.storeCode !== store) {
    return (
      <main className="mx-auto max-w-lg p-6 text-lg">
        <h1 className="text-2xl font-bold">This kiosk belongs to store {kiosk.device.storeCode}</h1>
        <p className="mt-2">
          <Link className="font-semibold underline" href={`/kiosk/${kiosk.device.storeCode}`}>
            Open the {kiosk.device.storeCode} kiosk
          </Link>
        </p>
      </main>
    );
  }
  const db = getDb();
  // The offline copy shows no alerts: they would be stale by the time it is opened.
  const [ctx, alerts] = await Promise.all([
    reportContext(db, null, store, { kioskStoreId: kiosk.device.storeId }),
    (await isOfflineShellRequest()) ? [] : listKioskAlerts(db, kiosk.device),
  ]);
  return (
    <main>
      <KioskApp
        store={store}
        storeName={ctx.store.name}
        zones={ctx.zones}
        emergencyInstructions={ctx.store.emergencyInstructions}
        supportOptions={ctx.supportOptions}
        alerts={alerts}
        idleSeconds={env.VIGIL_KIOSK_IDLE_SECONDS}
      />
    </main>
  );
}
