import { describe, expect, it } from 'vitest';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { totpCode } from '@/lib/auth/totp';
import { Conflict, Forbidden, Invalid } from '@/lib/errors';
import { createUser } from '@/lib/users/create-user';
import { actorFor, db, HOME_STORE } from '../../support/fixtures';

describe('createUser', () => {
  it('creates a manager who must use the returned TOTP secret to sign in', async () => {
    const created = await createUser(db(), CLI_OPERATOR, { email: 'new.manager@demo.vigil', name: 'New Manager', password: 'a-long-password', role: 'store_manager', store: HOME_STORE });
    expect(created.totpSecret).toMatch(/^[A-Z2-7]+$/);
    expect(await signInWithPassword(db(), { email: created.email, password: 'a-long-password' }, null)).toEqual({ ok: false, reason: 'mfa_required' });
    const ok = await signInWithPassword(db(), { email: created.email, password: 'a-long-password', totp: totpCode(created.totpSecret!) }, null);
    expect(ok.ok).toBe(true);
    await expect(createUser(db(), CLI_OPERATOR, { email: 'new.manager@demo.vigil', name: 'Again', password: 'a-long-password', role: 'colleague', store: HOME_STORE })).rejects.toBeInstanceOf(Conflict);
  });

  it('needs exactly one scope, and only admins may create users', async () => {
    await expect(createUser(db(), CLI_OPERATOR, { email: 'x@demo.vigil', name: 'X', password: 'a-long-password', role: 'colleague' })).rejects.toBeInstanceOf(Invalid);
    const manager = await actorFor('manager');
    await expect(createUser(db(), manager, { email: 'y@demo.vigil', name: 'Y', password: 'a-long-password', role: 'colleague', store: HOME_STORE })).rejects.toBeInstanceOf(Forbidden);
  });
});
