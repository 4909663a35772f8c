'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-actor';
import { type ActionResult, runAction } from '@/lib/http/action-result';
import { type Backtest, backtestRule } from '@/lib/rules/backtest-rule';
import { ruleFromForm } from '@/lib/rules/rule-form';
import { saveRule } from '@/lib/rules/save-rule';

export type RuleEditorState = { saved?: ActionResult<{ id: string }>; backtest?: ActionResult<Backtest> } | null;

/** One action for both buttons, so the preview and the save read exactly the same form. */
export async function ruleEditorAction(_prev: RuleEditorState, data: FormData): Promise<RuleEditorState> {
  const input = ruleFromForm(data);
  if (data.get('intent') === 'backtest') {
    return { backtest: await runAction(async () => backtestRule(getDb(), await requireActor(), input)) };
  }
  const saved = await runAction(async () => {
    const result = await saveRule(getDb(), await requireActor(), input);
    revalidatePath('/admin/rules');
    return result;
  }, 'Rule saved. It applies to new events from now on.');
  return { saved };
}
