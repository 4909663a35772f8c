import { describe, expect, it } from 'vitest';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { Forbidden } from '@/lib/errors';
import { listRules } from '@/lib/rules/list-rules';
import { saveRule } from '@/lib/rules/save-rule';
import { actorFor, db, HOME_STORE, OTHER_STORE } from '../../support/fixtures';

const rule = (name: string, scope: 'store' | 'all', scopeCode?: string) => ({
  name,
  kind: 'threshold',
  condition: { eventType: 'eas_alarm', count: 3, windowSeconds: 600 },
  severity: 'high',
  recipientRoles: ['security'],
  suppressionSeconds: 300,
  escalationDelaySeconds: 300,
  scope,
  scopeCode,
});

describe('listRules', () => {
  it("shows a store manager chain-wide rules and their store's, not another store's", async () => {
    await saveRule(db(), CLI_OPERATOR, rule('List rules: home', 'store', HOME_STORE));
    await saveRule(db(), CLI_OPERATOR, rule('List rules: other', 'store', OTHER_STORE));
    const names = (await listRules(db(), await actorFor('manager'))).map((r) => r.rule.name);
    expect(names).toContain('List rules: home');
    expect(names).toContain('Panic button');
    expect(names).not.toContain('List rules: other');
    const adminNames = (await listRules(db(), await actorFor('admin'))).map((r) => r.rule.name);
    expect(adminNames).toContain('List rules: other');
  });

  it('refuses roles that do not edit rules', async () => {
    for (const who of ['colleague', 'security', 'investigator', 'dpo']) {
      await expect(listRules(db(), await actorFor(who)), who).rejects.toBeInstanceOf(Forbidden);
    }
  });

  it('lets only a chain-wide administrator make a rule for every store', async () => {
    const regionalAdmin = { ...(await actorFor('admin')), globalRoles: [] };
    await expect(saveRule(db(), regionalAdmin, rule('Chain-wide by a region admin', 'all'))).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(
      saveRule(db(), await actorFor('regional'), rule('Chain-wide by a regional manager', 'all')),
    ).rejects.toBeInstanceOf(Forbidden);
  });
});
