import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { memberships, regions, stores, users } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { encryptSecret } from '@/lib/auth/crypto';
import { hashSecret } from '@/lib/auth/password';
import { assertCan } from '@/lib/auth/policy';
import { generateTotpSecret } from '@/lib/auth/totp';
import { recordAudit } from '@/lib/audit/record-audit';
import { MFA_ROLES, ROLES } from '@/lib/domain/enums';
import { Conflict, Invalid, NotFound, parseInput } from '@/lib/errors';

export const createUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email(),
    name: z.string().trim().min(1).max(120),
    password: z.string().min(10, 'Use at least 10 characters.').max(200),
    role: z.enum(ROLES),
    store: z.string().trim().optional().describe('Store code, for a store-scoped role'),
    region: z.string().trim().optional().describe('Region code, for a region-scoped role'),
    all: z.boolean().optional().describe('Scope over every store'),
  })
  .refine((v) => [v.store, v.region, v.all].filter(Boolean).length === 1, {
    message: 'Give exactly one scope: a store, a region, or all.',
    path: ['store'],
  });

export type CreatedUser = { id: string; email: string; totpSecret: string | null };

/** Creates a user with one membership; roles that need MFA get a TOTP secret, returned once. */
export async function createUser(db: DbOrTx, actor: Actor, raw: unknown): Promise<CreatedUser> {
  assertCan(actor, 'user.create');
  const input = parseInput(createUserInput, raw);
  let storeId: string | null = null;
  let regionId: string | null = null;
  if (input.store) {
    const [s] = await db.select({ id: stores.id }).from(stores).where(eq(stores.code, input.store));
    if (!s) throw new NotFound(`Store ${input.store}`);
    storeId = s.id;
  } else if (input.region) {
    const [r] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, input.region));
    if (!r) throw new NotFound(`Region ${input.region}`);
    regionId = r.id;
  } else if (!['admin', 'dpo', 'investigator', 'regional_manager'].includes(input.role)) {
    throw new Invalid(`A ${input.role} works in a store or region, not everywhere.`);
  }
  const totpSecret = MFA_ROLES.includes(input.role) ? generateTotpSecret() : null;
  const passwordHash = await hashSecret(input.password);

  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, mfaSecretEnc: totpSecret ? encryptSecret(totpSecret) : null })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) throw new Conflict(`A user with email ${input.email} already exists.`);
    await tx.insert(memberships).values({
      userId: user.id,
      role: input.role,
      scopeType: storeId ? 'store' : regionId ? 'region' : 'all',
      storeId,
      regionId,
    });
    await recordAudit(tx, { ...auditActor(actor), action: 'user.create', entityType: 'user', entityId: user.id, detail: { role: input.role } });
    return { id: user.id, email: input.email, totpSecret };
  });
}
