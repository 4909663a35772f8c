// Credentials sign-in: password (argon2) and, where the account has one, a TOTP
// code. Failures are audited and rate limited per email across every web process.
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { env } from '@/lib/env';
import { decryptSecret } from './crypto';
import { DUMMY_HASH, verifySecret } from './password';
import { verifyTotp } from './totp';

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter your email address.'),
  password: z.string().min(1, 'Enter your password.').max(200),
  totp: z.string().trim().max(12).optional().default(''),
});

export type SignInFailure = 'invalid' | 'mfa_required' | 'mfa_invalid' | 'rate_limited';
export type SignInResult = { ok: true; userId: string } | { ok: false; reason: SignInFailure };

const WINDOW = '15 minutes';

export async function signInWithPassword(db: DbOrTx, raw: unknown, ip: string | null): Promise<SignInResult> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password, totp } = parsed.data;

  const [{ failures } = { failures: 0 }] = await db
    .select({ failures: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'auth.sign_in_failed'),
        eq(auditLog.entityType, 'email'),
        eq(auditLog.entityId, email),
        gt(auditLog.at, sql`now() - ${WINDOW}::interval`),
      ),
    );
  if (failures >= env.VIGIL_SIGNIN_LIMIT) {
    await recordAudit(db, { actorId: null, actorLabel: 'anonymous', action: 'auth.sign_in_blocked', entityType: 'email', entityId: email, ip });
    return { ok: false, reason: 'rate_limited' };
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const passwordOk = await verifySecret(user?.passwordHash ?? DUMMY_HASH, password);
  const fail = async (reason: SignInFailure): Promise<SignInResult> => {
    await recordAudit(db, {
      actorId: user?.id ?? null,
      actorLabel: 'anonymous',
      action: 'auth.sign_in_failed',
      entityType: 'email',
      entityId: email,
      detail: { reason },
      ip,
    });
    return { ok: false, reason };
  };
  if (!user || !passwordOk || user.status !== 'active') return fail('invalid');

  if (user.mfaSecretEnc) {
    if (!totp) return { ok: false, reason: 'mfa_required' };
    if (!verifyTotp(decryptSecret(user.mfaSecretEnc), totp)) return fail('mfa_invalid');
  }

  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  await recordAudit(db, { actorId: user.id, actorLabel: user.email, action: 'auth.sign_in', entityType: 'user', entityId: user.id, ip });
  return { ok: true, userId: user.id };
}
