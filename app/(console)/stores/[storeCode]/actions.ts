'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-actor';
import { type ActionResult, formObject, runAction } from '@/lib/http/action-result';
import { changeIncidentStatus } from '@/lib/incidents/change-incident-status';
import { completeWellbeingCheck } from '@/lib/wellbeing/complete-wellbeing-check';

export async function changeIncidentStatusAction(_prev: unknown, data: FormData): Promise<ActionResult<{ ref: string; status: string }>> {
  return runAction(async () => {
    const result = await changeIncidentStatus(getDb(), await requireActor(), formObject(data));
    revalidatePath('/stores/[storeCode]', 'page');
    return result;
  }, 'Saved.');
}

export async function completeWellbeingCheckAction(_prev: unknown, data: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const result = await completeWellbeingCheck(getDb(), await requireActor(), formObject(data));
    revalidatePath('/stores/[storeCode]', 'page');
    return result;
  }, 'Check-in recorded.');
}
