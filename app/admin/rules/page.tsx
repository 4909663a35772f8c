import { DataTable } from '@/components/ui/data-table';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { SeverityBadge } from '@/components/incidents/severity-badge';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { regions as regionsTable, stores as storesTable } from '@/db/schema';
import { requirePageActor } from '@/lib/auth/current-actor';
import { can, scopeFor, wholeRegionsFor } from '@/lib/auth/policy';
import { humanise, phrase } from '@/lib/domain/format';
import { listRules } from '@/lib/rules/list-rules';
import { type EditableRule, RuleEditor } from './rule-editor';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Alert rules' };

function summary(kind: string, c: Record<string, unknown>): string {
  if (kind === 'threshold')
    return `≥ ${String(c.count)} × ${phrase(String(c.eventType))} in ${Number(c.windowSeconds) / 60} min`;
  if (kind === 'correlation')
    return `${humanise(String(c.firstType))} + ${phrase(String(c.secondType))} within ${String(c.withinSeconds)} s`;
  if (kind === 'pos_exception') return humanise(String(c.pattern));
  return `Anomaly: ${String(c.subject)} ${String(c.eventType)}`;
}

export default async function RulesPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const actor = await requirePageActor({ action: 'rule.manage' });
  const db = getDb();
  const scope = scopeFor(actor, 'rule.manage');
  const ruleRegions = wholeRegionsFor(actor, 'rule.manage');
  const [rules, allStores, allRegions] = await Promise.all([
    listRules(db, actor),
    db
      .select({ id: storesTable.id, code: storesTable.code, name: storesTable.name })
      .from(storesTable)
      .orderBy(storesTable.code),
    db
      .select({ id: regionsTable.id, code: regionsTable.code, name: regionsTable.name })
      .from(regionsTable)
      .orderBy(regionsTable.name),
  ]);
  const stores = scope.all ? allStores : allStores.filter((s) => scope.storeIds.includes(s.id));
  const regions = ruleRegions === 'all' ? allRegions : allRegions.filter((r) => ruleRegions.includes(r.id));

  const { edit } = await searchParams;
  const editing = rules.find((r) => r.rule.id === edit);
  const initial: EditableRule = editing
    ? {
        id: editing.rule.id,
        name: editing.rule.name,
        kind: editing.rule.kind,
        condition: editing.rule.condition,
        severity: editing.rule.severity,
        recipientRoles: editing.rule.recipientRoles,
        suppressionSeconds: editing.rule.suppressionSeconds,
        escalationDelaySeconds: editing.rule.escalationDelaySeconds,
        scope: editing.rule.scopeType,
        scopeCode: editing.storeCode ?? editing.regionCode ?? undefined,
        enabled: editing.rule.enabled,
      }
    : {
        name: '',
        kind: 'threshold',
        condition: { eventType: 'eas_alarm', count: 3, windowSeconds: 600 },
        severity: 'high',
        recipientRoles: ['security', 'store_manager'],
        suppressionSeconds: 300,
        escalationDelaySeconds: 300,
        scope: can(actor, 'rule.manage_all') ? 'all' : 'store',
        scopeCode: stores[0]?.code,
        enabled: true,
      };

  return (
    <>
      <PageHeader
        title="Alert rules"
        description="What turns camera, till and sensor events into alerts, for whom, and how loudly."
      />
      {can(actor, 'admin.view') && <AdminNav current="/admin/rules" />}
      <div className="grid gap-4 xl:grid-cols-[1fr_32rem]">
        <Card>
          <CardTitle className="mb-3">Rules</CardTitle>
          {rules.length === 0 ? (
            <EmptyState>
              No rules yet. Create one with the editor.
            </EmptyState>
          ) : (
            <DataTable
              caption="Alert rules"
              columns={[
                { label: 'Rule' },
                { label: 'Applies to' },
                { label: 'Severity' },
                { label: 'Status' },
                { label: <span className="sr-only">Edit</span> },
              ]}
            >
              {rules.map(({ rule, storeCode, regionName }) => (
                <tr
                  key={rule.id}
                  aria-current={rule.id === edit ? 'true' : undefined}
                  className="aria-[current=true]:bg-brand-50"
                >
                  <td className="py-2 pr-3">
                    <span className="font-medium">{rule.name}</span>
                    <span className="block text-xs text-slate-600">{summary(rule.kind, rule.condition)}</span>
                  </td>
                  <td className="py-2 pr-3">{rule.scopeType === 'all' ? 'Every store' : (storeCode ?? regionName)}</td>
                  <td className="py-2 pr-3">
                    <SeverityBadge severity={rule.severity} />
                  </td>
                  <td className="py-2 pr-3">{rule.enabled ? 'On' : 'Off'}</td>
                  <td className="py-2 text-right">
                    <Link href={`/admin/rules?edit=${rule.id}`} className="font-medium text-brand-700 underline">
                      Edit<span className="sr-only"> {rule.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
        <Card>
          <div className="mb-3 flex items-center justify-between">
            <CardTitle>{editing ? `Edit “${editing.rule.name}”` : 'New rule'}</CardTitle>
            {editing && (
              <Link href="/admin/rules" className="text-sm font-medium text-brand-700 underline">
                New rule instead
              </Link>
            )}
          </div>
          <RuleEditor rule={initial} stores={stores} regions={regions} />
        </Card>
      </div>
    </>
  );
}
