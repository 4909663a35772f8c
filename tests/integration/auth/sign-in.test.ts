import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { totpCode } from '@/lib/auth/totp';
import { db } from '../../support/fixtures';

const password = 'vigil-demo';

describe('signInWithPassword', () => {
  it('signs in a colleague with the right password, and audits it', async () => {
    const result = await signInWithPassword(db(), { email: 'Colleague@Demo.Vigil ', password }, '127.0.0.1');
    expect(result.ok).toBe(true);
    const rows = await db().select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'));
    expect(rows.some((r) => r.entityId === (result.ok ? result.userId : ''))).toBe(true);
  });

  it('refuses a wrong password and records the failure', async () => {
    expect(await signInWithPassword(db(), { email: 'security@demo.vigil', password: 'nope' }, null)).toEqual({ ok: false, reason: 'invalid' });
    const rows = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sign_in_failed'), eq(auditLog.entityId, 'security@demo.vigil')));
    expect(rows).toHaveLength(1);
  });

  it('refuses an unknown email the same way as a wrong password', async () => {
    expect(await signInWithPassword(db(), { email: 'nobody@demo.vigil', password }, null)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('asks a manager for the authentication code and accepts the right one', async () => {
    expect(await signInWithPassword(db(), { email: 'manager@demo.vigil', password }, null)).toEqual({ ok: false, reason: 'mfa_required' });
    expect(await signInWithPassword(db(), { email: 'manager@demo.vigil', password, totp: '000000' }, null)).toMatchObject({ ok: false });
    const ok = await signInWithPassword(db(), { email: 'manager@demo.vigil', password, totp: totpCode('JBSWY3DPEHPK3PXP') }, null);
    expect(ok.ok).toBe(true);
  });

  it('blocks an email after too many failures, even with the right password', async () => {
    const email = 'investigator@demo.vigil';
    for (let i = 0; i < 10; i++) await signInWithPassword(db(), { email, password: `wrong-${i}` }, null);
    const result = await signInWithPassword(db(), { email, password, totp: totpCode('JBSWY3DPEHPK3PXP') }, null);
    expect(result).toEqual({ ok: false, reason: 'rate_limited' });
  });
});
