'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-actor';
import { createDevice } from '@/lib/devices/create-device';
import { revokeDevice } from '@/lib/devices/revoke-device';
import { createEnrolmentCode } from '@/lib/kiosk/create-enrolment-code';
import { type ActionResult, formObject, runAction } from '@/lib/http/action-result';

export async function createDeviceAction(_prev: unknown, data: FormData): Promise<ActionResult<{ id: string; apiKey: string }>> {
  return runAction(async () => {
    const result = await createDevice(getDb(), await requireActor(), formObject(data));
    revalidatePath('/admin/devices');
    return result;
  });
}

export async function revokeDeviceAction(_prev: unknown, data: FormData): Promise<ActionResult<{ id: string; revoked: boolean }>> {
  return runAction(async () => {
    const result = await revokeDevice(getDb(), await requireActor(), formObject(data));
    revalidatePath('/admin/devices');
    return result;
  }, 'Device revoked. Its key no longer works.');
}

export async function createKioskCodeAction(_prev: unknown, data: FormData): Promise<ActionResult<{ code: string; expiresAt: string; store: string }>> {
  return runAction(async () => {
    const result = await createEnrolmentCode(getDb(), await requireActor(), formObject(data));
    return { ...result, expiresAt: result.expiresAt.toISOString() };
  });
}
