import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { devices, stores } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { sha256Hex } from '@/lib/auth/crypto';
import { assertCan } from '@/lib/auth/policy';
import { DEVICE_KINDS } from '@/lib/domain/enums';
import { Conflict, NotFound, parseInput } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';

export const createDeviceInput = z.object({
  store: z.string().trim().min(1).describe('Store code'),
  kind: z.enum(DEVICE_KINDS),
  vendor: z.string().trim().min(1).max(60),
  ref: z.string().trim().min(1).max(120).optional().describe("The vendor's own id, e.g. a Frigate camera name"),
  name: z.string().trim().min(1).max(120).optional(),
});

/** Registers a device and returns its API key, which is shown this once and stored only as a hash. */
export async function createDevice(db: DbOrTx, actor: Actor, raw: unknown): Promise<{ id: string; apiKey: string }> {
  const input = parseInput(createDeviceInput, raw);
  const [store] = await db.select({ id: stores.id }).from(stores).where(eq(stores.code, input.store));
  if (!store) throw new NotFound(`Store ${input.store}`);
  assertCan(actor, 'device.manage', { storeId: store.id });

  const apiKey = `vgl_${randomBytes(24).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(devices)
      .values({
        storeId: store.id,
        kind: input.kind,
        vendor: input.vendor,
        vendorRef: input.ref ?? null,
        name: input.name ?? `${input.vendor} ${input.kind}${input.ref ? ` ${input.ref}` : ''}`,
        apiKeyHash: sha256Hex(apiKey),
        apiKeyPrefix: apiKey.slice(0, 8),
      })
      .onConflictDoNothing()
      .returning({ id: devices.id });
    if (!row) throw new Conflict(`An active ${input.vendor} device with ref "${input.ref}" already exists.`);
    await recordAudit(tx, { ...auditActor(actor), action: 'device.create', entityType: 'device', entityId: row.id, detail: { store: input.store, kind: input.kind, vendor: input.vendor } });
    return { id: row.id, apiKey };
  });
}
