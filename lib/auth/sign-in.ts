// Credentials sign-in: password (argon2) and, where the account has one, a TOTP code
// that works once. Failures are audited and limited per account and per client
// address in PostgreSQL (lib/http/db-rate-limit.ts), so the limit holds across every
// web process and against parallel attempts.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { env } from '@/lib/env';
import { type Backoff, consume, type Consumed, release } from '@/lib/http/db-rate-limit';
import { decryptSecret } from './crypto';
import { DUMMY_HASH, verifySecret } from './password';
import { matchTotpStep } from './totp';

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter your email address.'),
  password: z.string().min(1, 'Enter your password.').max(200),
  totp: z.string().trim().max(12).optional().default(''),
});

export type SignInFailure = 'invalid' | 'mfa_required' | 'mfa_invalid' | 'rate_limited';
export type SignInResult = { ok: true; userId: string } | { ok: false; reason: SignInFailure };

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** A limit reached locks the key for 1 minute, doubling with each further block, at most 15. */
export const SIGN_IN_BACKOFF: Backoff = { baseSeconds: 60, maxSeconds: 15 * 60 };
/** Many people can share one address (a store's network), so it gets more room than one account. */
export const SIGN_IN_ADDRESS_FACTOR = 5;

type Key = { key: string; limit: number; kind: 'account' | 'address' | 'mfa' };

const keysFor = (email: string, ip: string | null): Key[] => [
  { key: `signin:email:${email}`, limit: env.VIGIL_SIGNIN_LIMIT, kind: 'account' },
  ...(ip
    ? [{ key: `signin:ip:${ip}`, limit: env.VIGIL_SIGNIN_LIMIT * SIGN_IN_ADDRESS_FACTOR, kind: 'address' as const }]
    : []),
];

async function auditBlocks(db: DbOrTx, email: string, ip: string | null, blocks: [Key, Consumed][]) {
  // Only the attempt that starts a block is audited, not every refusal during it.
  for (const [k, c] of blocks.filter(([, c]) => c.justBlocked)) {
    await recordAudit(db, {
      actorId: null,
      actorLabel: 'anonymous',
      action: 'auth.sign_in_blocked',
      entityType: 'email',
      entityId: email,
      detail: { by: k.kind, retryAfterSeconds: c.retryAfterSeconds },
      ip,
    });
  }
}

/** Marks the code's step used, unless this or a newer step already was: one code, one sign-in. */
async function claimTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step, lastSignInAt: new Date() })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}

export async function signInWithPassword(db: DbOrTx, raw: unknown, ip: string | null): Promise<SignInResult> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password, totp } = parsed.data;

  // Each attempt takes its slot before the password is checked, so parallel guesses
  // can't all be evaluated; a success gives its slot back.
  const keys = keysFor(email, ip);
  const taken = await Promise.all(
    keys.map((k) => consume(db, k.key, k.limit, SIGN_IN_WINDOW_SECONDS, SIGN_IN_BACKOFF)),
  );
  if (taken.some((t) => !t.allowed)) {
    await Promise.all(keys.map((k, i) => (taken[i]!.allowed ? release(db, k.key) : undefined)));
    await auditBlocks(
      db,
      email,
      ip,
      keys.map((k, i) => [k, taken[i]!]),
    );
    return signInWhileThrottled(db, email, password, totp, ip);
  }
  const giveBack = () => Promise.all(keys.map((k) => release(db, k.key)));

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
    if (!totp) {
      // Not a failed guess: the form asks for the code next.
      await giveBack();
      return { ok: false, reason: 'mfa_required' };
    }
    const step = matchTotpStep(decryptSecret(user.mfaSecretEnc), totp);
    if (step === null || !(await claimTotpStep(db, user.id, step))) return fail('mfa_invalid');
  } else {
    await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  }

  await giveBack();
  return signedIn(db, user, ip);
}

async function signedIn(
  db: DbOrTx,
  user: { id: string; email: string },
  ip: string | null,
  detail?: Record<string, unknown>,
): Promise<SignInResult> {
  await recordAudit(db, {
    actorId: user.id,
    actorLabel: user.email,
    action: 'auth.sign_in',
    entityType: 'user',
    entityId: user.id,
    detail,
    ip,
  });
  return { ok: true, userId: user.id };
}

/**
 * The account or address is locked by failures that may not be this person's. An
 * account with two-step sign-in still gets in with its right password and a fresh code:
 * a guesser would need both. Wrong codes here are limited on their own key (per
 * account, with the same backoff), so someone who knows the password can't try codes
 * without limit. Accounts without a code wait out the block, which starts at a minute.
 * Nothing here is audited per attempt; every answer short of success is `rate_limited`.
 */
async function signInWhileThrottled(
  db: DbOrTx,
  email: string,
  password: string,
  totp: string,
  ip: string | null,
): Promise<SignInResult> {
  const refused: SignInResult = { ok: false, reason: 'rate_limited' };
  if (!totp) return refused;
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user?.mfaSecretEnc || user.status !== 'active') return refused;
  const mfaKey: Key = { key: `signin:mfa:${user.id}`, limit: env.VIGIL_SIGNIN_LIMIT, kind: 'mfa' };
  const slot = await consume(db, mfaKey.key, mfaKey.limit, SIGN_IN_WINDOW_SECONDS, SIGN_IN_BACKOFF);
  if (!slot.allowed) {
    await auditBlocks(db, email, ip, [[mfaKey, slot]]);
    return refused;
  }
  // The cheap check first; the password only for a code that matches.
  const step = matchTotpStep(decryptSecret(user.mfaSecretEnc), totp);
  if (step === null || !user.passwordHash || !(await verifySecret(user.passwordHash, password))) return refused;
  if (!(await claimTotpStep(db, user.id, step))) return refused;
  await release(db, mfaKey.key);
  return signedIn(db, user, ip, { whileThrottled: true });
}
