import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, rateLimits } from '@/db/schema';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { totpCode } from '@/lib/auth/totp';
import { env } from '@/lib/env';
import { createUser } from '@/lib/users/create-user';
import { db, HOME_STORE } from '../../support/fixtures';

const password = 'vigil-demo';

describe('signInWithPassword', () => {
  it('signs in a colleague with the right password, and audits it', async () => {
    const result = await signInWithPassword(db(), { email: 'Colleague@Demo.Vigil ', password }, '127.0.0.1');
    expect(result.ok).toBe(true);
    const rows = await db().select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'));
    expect(rows.some((r) => r.entityId === (result.ok ? result.userId : ''))).toBe(true);
  });

  it('refuses a wrong password and records the failure', async () => {
    expect(await signInWithPassword(db(), { email: 'security@demo.vigil', password: 'nope' }, null)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const rows = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sign_in_failed'), eq(auditLog.entityId, 'security@demo.vigil')));
    expect(rows).toHaveLength(1);
  });

  it('refuses an unknown email the same way as a wrong password', async () => {
    expect(await signInWithPassword(db(), { email: 'nobody@demo.vigil', password }, null)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('asks a manager for the authentication code and accepts the right one', async () => {
    expect(await signInWithPassword(db(), { email: 'manager@demo.vigil', password }, null)).toEqual({
      ok: false,
      reason: 'mfa_required',
    });
    expect(
      await signInWithPassword(db(), { email: 'manager@demo.vigil', password, totp: '000000' }, null),
    ).toMatchObject({ ok: false });
    const ok = await signInWithPassword(
      db(),
      { email: 'manager@demo.vigil', password, totp: totpCode('JBSWY3DPEHPK3PXP') },
      null,
    );
    expect(ok.ok).toBe(true);
  });

  it('accepts a TOTP code only once: the same code again is refused, even from another client', async () => {
    const admin = { email: 'admin@demo.vigil', password, totp: totpCode('JBSWY3DPEHPK3PXP') };
    expect((await signInWithPassword(db(), admin, '198.51.100.1')).ok).toBe(true);
    expect(await signInWithPassword(db(), admin, '198.51.100.2')).toEqual({ ok: false, reason: 'mfa_invalid' });
  });

  it('lets exactly one of two parallel sign-ins with one code through', async () => {
    const { email, totpSecret } = await freshUser('store_manager');
    const code = totpCode(totpSecret!);
    const results = await Promise.all(
      [1, 2].map(() => signInWithPassword(db(), { email, password, totp: code }, null)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'mfa_invalid' }]);
  });

  it(`evaluates at most ${LIMIT} of 30 parallel wrong passwords for one account, refuses the rest and audits the block once`, async () => {
    const { email } = await freshUser('colleague');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInWithPassword(db(), { email, password: `wrong-${i}` }, null)),
    );
    const evaluated = results.filter((r) => !r.ok && r.reason === 'invalid');
    expect(evaluated.length).toBeLessThanOrEqual(LIMIT);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited').length).toBe(30 - evaluated.length);
    expect(await auditCount('auth.sign_in_failed', email)).toBeLessThanOrEqual(LIMIT);
    expect(await auditCount('auth.sign_in_blocked', email)).toBe(1);
  });

  it('limits failures per client address across accounts', async () => {
    const ip = '203.0.113.99';
    const emails = await Promise.all(Array.from({ length: 6 }, () => freshUser('colleague').then((u) => u.email)));
    // Five accounts, each below its own limit, exhaust the address's larger allowance.
    for (const email of emails.slice(0, 5))
      for (let i = 0; i < LIMIT; i++) await signInWithPassword(db(), { email, password: 'wrong' }, ip);
    expect(await signInWithPassword(db(), { email: emails[5]!, password }, ip)).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
    expect((await signInWithPassword(db(), { email: emails[5]!, password }, '203.0.113.100')).ok).toBe(true);
  });

  it('locks an account without two-step sign-in for a minute, then lets its owner in; further blocks double', async () => {
    const { email } = await freshUser('colleague');
    for (let i = 0; i < LIMIT; i++) await signInWithPassword(db(), { email, password: `wrong-${i}` }, null);
    expect(await signInWithPassword(db(), { email, password }, null)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await blockedForSeconds(email)).toBeGreaterThan(50);
    expect(await blockedForSeconds(email)).toBeLessThanOrEqual(60);

    await endBlock(email);
    // One try after the block: a wrong one blocks again, for twice as long.
    expect(await signInWithPassword(db(), { email, password: 'wrong-again' }, null)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await signInWithPassword(db(), { email, password }, null)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await blockedForSeconds(email)).toBeGreaterThan(110);
    expect(await blockedForSeconds(email)).toBeLessThanOrEqual(120);

    await endBlock(email);
    expect((await signInWithPassword(db(), { email, password }, null)).ok).toBe(true);
  });

  it('lets an account with two-step sign-in in with its right password and code while others’ guesses have it locked', async () => {
    const { email, totpSecret } = await freshUser('investigator');
    for (let i = 0; i < 12; i++) await signInWithPassword(db(), { email, password: `wrong-${i}` }, null);
    expect(await signInWithPassword(db(), { email, password }, null)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await signInWithPassword(db(), { email, password: 'wrong', totp: totpCode(totpSecret!) }, null)).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
    const ok = await signInWithPassword(db(), { email, password, totp: totpCode(totpSecret!) }, null);
    expect(ok.ok).toBe(true);
  });

  it('still limits code guesses by someone who knows the password while the account is locked', async () => {
    const { email, totpSecret } = await freshUser('investigator');
    for (let i = 0; i < LIMIT; i++) await signInWithPassword(db(), { email, password: `wrong-${i}` }, null);
    const right = totpCode(totpSecret!);
    const wrongCode = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < LIMIT + 1; i++) await signInWithPassword(db(), { email, password, totp: wrongCode }, null);
    expect(await signInWithPassword(db(), { email, password, totp: right }, null)).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
  });
});

const LIMIT = env.VIGIL_SIGNIN_LIMIT;

async function freshUser(role: 'colleague' | 'store_manager' | 'investigator') {
  const email = `signin-${randomUUID()}@test.vigil`;
  const created = await createUser(db(), CLI_OPERATOR, {
    email,
    name: 'Sam Sign-in',
    password,
    role,
    store: HOME_STORE,
  });
  return { email, totpSecret: created.totpSecret };
}

async function auditCount(action: string, email: string) {
  const rows = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, email)));
  return rows.length;
}

async function blockedForSeconds(email: string) {
  const [row] = await db()
    .select()
    .from(rateLimits)
    .where(eq(rateLimits.key, `signin:email:${email}`));
  return ((row?.blockedUntil?.getTime() ?? 0) - Date.now()) / 1000;
}

/** Time passing: the block ends now. */
const endBlock = (email: string) =>
  db()
    .update(rateLimits)
    .set({ blockedUntil: sql`now() - interval '1 second'` })
    .where(eq(rateLimits.key, `signin:email:${email}`));
