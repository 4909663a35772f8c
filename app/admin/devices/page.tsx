import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { AdminNav } from '@/components/admin/admin-nav';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Card, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { stores as storesTable } from '@/db/schema';
import { requirePageActor } from '@/lib/auth/current-actor';
import { scopeFor } from '@/lib/auth/policy';
import { listDevices } from '@/lib/devices/list-devices';
import { formatAge, humanise } from '@/lib/domain/format';
import { CreateDeviceForm } from './create-device-form';
import { KioskCodeForm } from './kiosk-code-form';
import { RevokeButton } from './revoke-button';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Devices' };

export default async function DevicesPage() {
  const actor = await requirePageActor({ action: 'device.manage' });
  const db = getDb();
  const scope = scopeFor(actor, 'device.manage');
  const [devices, allStores] = await Promise.all([
    listDevices(db, actor),
    db
      .select({ id: storesTable.id, code: storesTable.code, name: storesTable.name })
      .from(storesTable)
      .orderBy(storesTable.code),
  ]);
  const stores = scope.all ? allStores : allStores.filter((s) => scope.storeIds.includes(s.id));
  return (
    <>
      <PageHeader
        title="Devices"
        description="Cameras, tills, sensors and kiosks that send events to Vigil, each with its own revocable key."
      />
      <AdminNav current="/admin/devices" />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <Card>
          <CardTitle className="mb-3">Registered devices</CardTitle>
          {devices.length === 0 ? (
            <EmptyState>
              No devices yet. Register one to start receiving its events.
            </EmptyState>
          ) : (
            <DataTable
              caption="Registered devices"
              columns={[
                { label: 'Device' },
                { label: 'Store' },
                { label: 'Vendor' },
                { label: 'Key' },
                { label: 'Last seen' },
                { label: <span className="sr-only">Actions</span> },
              ]}
            >
              {devices.map((d) => (
                <tr key={d.id}>
                  <td className="py-2 pr-3">
                    <span className="font-medium">{d.name}</span>
                    <span className="block text-xs text-slate-600">{humanise(d.kind)}</span>
                  </td>
                  <td className="py-2 pr-3">{d.storeCode}</td>
                  <td className="py-2 pr-3">
                    {d.vendor}
                    {d.vendorRef && <span className="block font-mono text-xs text-slate-600">{d.vendorRef}</span>}
                  </td>
                  <td className="py-2 pr-3 font-mono text-xs">{d.keyPrefix ? `${d.keyPrefix}…` : '—'}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{d.lastSeenAt ? formatAge(d.lastSeenAt) : 'Never'}</td>
                  <td className="py-2 text-right">
                    {d.status === 'active' ? (
                      <RevokeButton id={d.id} name={d.name} />
                    ) : (
                      <Badge className="border-slate-300 bg-slate-100 text-slate-700">Revoked</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
        <div className="space-y-4">
          <Card>
            <CardTitle className="mb-3">Register a device</CardTitle>
            <CreateDeviceForm stores={stores} />
          </Card>
          <Card>
            <CardTitle className="mb-1">Pair an in-store kiosk</CardTitle>
            <p className="mb-3 text-sm text-slate-700">A shared screen where colleagues report with their staff number and PIN. Revoke it here to switch it off.</p>
            <KioskCodeForm stores={stores} />
          </Card>
        </div>
      </div>
    </>
  );
}
