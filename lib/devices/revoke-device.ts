import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { devices } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { NotFound, parseInput } from '@/lib/errors';

export const revokeDeviceInput = z.object({ id: z.string().uuid() });

/** Revokes a device key: its next request is refused. Revoking twice is harmless. */
export async function revokeDevice(db: DbOrTx, actor: Actor, raw: unknown): Promise<{ id: string; revoked: boolean }> {
  const { id } = parseInput(revokeDeviceInput, raw);
  const [device] = await db.select({ storeId: devices.storeId }).from(devices).where(eq(devices.id, id));
  if (!device) throw new NotFound('That device');
  assertCan(actor, 'device.manage', { storeId: device.storeId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(devices)
      .set({ status: 'revoked', revokedAt: new Date() })
      .where(and(eq(devices.id, id), eq(devices.status, 'active')))
      .returning({ id: devices.id });
    if (row) await recordAudit(tx, { ...auditActor(actor), action: 'device.revoke', entityType: 'device', entityId: id });
    return { id, revoked: !!row };
  });
}
