import { Check, X } from 'lucide-react';
import { DataTable } from '@/components/ui/data-table';
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { requirePageActor } from '@/lib/auth/current-actor';
import { formatDateTime } from '@/lib/domain/format';
import { listUsers } from '@/lib/users/list-users';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const actor = await requirePageActor({ action: 'admin.view' });
  const db = getDb();
  const [people, chain] = await Promise.all([listUsers(db, actor), verifyAuditChain(db)]);
  return (
    <>
      <PageHeader title="Admin" description="People and their access, and the integrity of the audit trail." />
      <AdminNav current="/admin" />
      <div className="grid gap-4 lg:grid-cols-[1fr_18rem]">
        <Card>
          <CardTitle className="mb-3">People</CardTitle>
          <DataTable
            caption="People with access to Vigil"
            columns={[
              { label: 'Name' },
              { label: 'Email' },
              { label: 'Access' },
              { label: 'Two-step sign-in' },
              { label: 'Last sign-in' },
            ]}
          >
            {people.map((p) => (
              <tr key={p.id}>
                <td className="py-2 pr-4">{p.name}</td>
                <td className="py-2 pr-4">{p.email}</td>
                <td className="py-2 pr-4">{p.access.join('; ') || 'None'}</td>
                <td className="py-2 pr-4">{p.mfa ? 'On' : 'Off'}</td>
                <td className="py-2 whitespace-nowrap">{p.lastSignInAt ? formatDateTime(p.lastSignInAt) : 'Never'}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
        <Card>
          <CardTitle>Audit trail</CardTitle>
          <p className="mt-2 flex items-center gap-2 font-medium">
            {chain.ok ? (
              <Check aria-hidden className="size-5 text-green-700" />
            ) : (
              <X aria-hidden className="size-5 text-red-700" />
            )}
            {chain.ok ? 'Intact' : `Broken at entry ${chain.firstBrokenSeq}`}
          </p>
          {chain.problem && <p className="text-sm text-red-800">{chain.problem}</p>}
          <p className="text-sm text-slate-700">
            {chain.rows.toLocaleString('en-GB')} entries, each linked to the one before;{' '}
            {chain.checked.toLocaleString('en-GB')} new since the last check.
          </p>
          <p className="text-sm text-slate-700">
            {chain.anchor
              ? `Last anchored ${formatDateTime(new Date(chain.anchor.at))}.`
              : 'Not anchored yet: the workers anchor it daily.'}
          </p>
        </Card>
      </div>
    </>
  );
}
