import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { alertRules, regions, stores } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { assertCan, can, wholeRegionsFor } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { ROLES, RULE_KINDS, SEVERITIES } from '@/lib/domain/enums';
import { Forbidden, Invalid, NotFound, parseInput } from '@/lib/errors';
import { conditionSchemas } from './conditions';

/** Region rules: for whoever holds a rule-editing role over the whole region. */
function canManageRegionRules(actor: Actor, regionId: string): boolean {
  const regions = wholeRegionsFor(actor, 'rule.manage');
  return regions === 'all' || regions.includes(regionId);
}

export const ruleInput = z.object({
  id: z.string().uuid().optional(),
  name: z.string().trim().min(3, 'Give the rule a name people will recognise.').max(120),
  kind: z.enum(RULE_KINDS),
  condition: z.record(z.string(), z.unknown()),
  severity: z.enum(SEVERITIES),
  recipientRoles: z.array(z.enum(ROLES)).min(1, 'Choose who should be alerted.'),
  suppressionSeconds: z.coerce.number().int().min(0).max(86_400),
  escalationDelaySeconds: z.coerce.number().int().min(0).max(86_400),
  scope: z.enum(['all', 'region', 'store']),
  scopeCode: z.string().trim().optional(),
  enabled: z.boolean().default(true),
});

export type RuleInput = z.infer<typeof ruleInput>;

/** Resolves and authorises the rule's scope: only admins write chain-wide rules. */
export async function resolveRuleScope(db: DbOrTx, actor: Actor, scope: RuleInput['scope'], code: string | undefined) {
  if (scope === 'all') {
    if (!can(actor, 'rule.manage_all')) throw new Forbidden('Only administrators can make rules for every store.');
    return { scopeType: 'all' as const, storeId: null, regionId: null };
  }
  if (!code) throw new Invalid('Choose the store or region the rule covers.', [{ path: 'scopeCode', message: 'Required' }]);
  if (scope === 'store') {
    const [s] = await db.select({ id: stores.id }).from(stores).where(eq(stores.code, code));
    if (!s) throw new NotFound(`Store ${code}`);
    if (!can(actor, 'rule.manage', { storeId: s.id })) throw new Forbidden("You can't make rules for this store.");
    return { scopeType: 'store' as const, storeId: s.id, regionId: null };
  }
  const [r] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
  if (!r) throw new NotFound(`Region ${code}`);
  if (!canManageRegionRules(actor, r.id)) throw new Forbidden("You can't make rules for this region.");
  return { scopeType: 'region' as const, storeId: null, regionId: r.id };
}

export function parseRule(raw: unknown): RuleInput & { condition: Record<string, unknown> } {
  const input = parseInput(ruleInput, raw);
  const condition = conditionSchemas[input.kind].safeParse(input.condition);
  if (!condition.success) {
    throw new Invalid(
      'Some of the rule’s conditions are not valid.',
      condition.error.issues.map((i) => ({ path: `condition.${i.path.join('.')}`, message: i.message })),
    );
  }
  return { ...input, condition: condition.data as Record<string, unknown> };
}

/** Creates or updates a rule (with `id`), checking the editor may act on both the old and the new scope. */
export async function saveRule(db: DbOrTx, actor: Actor, raw: unknown): Promise<{ id: string }> {
  assertCan(actor, 'rule.manage');
  const input = parseRule(raw);
  const scope = await resolveRuleScope(db, actor, input.scope, input.scopeCode);
  const values = {
    name: input.name,
    kind: input.kind,
    condition: input.condition,
    severity: input.severity,
    recipientRoles: input.recipientRoles,
    suppressionSeconds: input.suppressionSeconds,
    escalationDelaySeconds: input.escalationDelaySeconds,
    enabled: input.enabled,
    ...scope,
    updatedAt: new Date(),
  };
  return db.transaction(async (tx) => {
    let id = input.id;
    if (id) {
      const [existing] = await tx.select().from(alertRules).where(eq(alertRules.id, id));
      if (!existing) throw new NotFound('That rule');
      assertCanEdit(actor, existing);
      await tx.update(alertRules).set(values).where(eq(alertRules.id, id));
    } else {
      const [row] = await tx.insert(alertRules).values({ ...values, createdBy: actor.system ? null : actor.id }).returning({ id: alertRules.id });
      id = row!.id;
    }
    await recordAudit(tx, { ...auditActor(actor), action: input.id ? 'rule.update' : 'rule.create', entityType: 'alert_rule', entityId: id, detail: { name: input.name, kind: input.kind } });
    return { id };
  });
}

export function assertCanEdit(actor: Actor, rule: typeof alertRules.$inferSelect): void {
  if (rule.scopeType === 'all' && !can(actor, 'rule.manage_all')) throw new Forbidden('Only administrators can change rules for every store.');
  if (rule.storeId && !can(actor, 'rule.manage', { storeId: rule.storeId })) throw new Forbidden("You can't change this store's rules.");
  if (rule.regionId && !canManageRegionRules(actor, rule.regionId)) {
    throw new Forbidden("You can't change this region's rules.");
  }
}
