import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { isSessionRevoked, revokeSession } from '@/lib/auth/revoked-sessions';
import { sessionFromCookieHeader, userIdFromCookieHeader } from '@/lib/auth/session-token';
import { requireEnv } from '@/lib/env';
import { actorFor, db } from '../../support/fixtures';

const COOKIE = 'authjs.session-token';

/** A session cookie as Auth.js issues it at sign-in (auth.ts adds the sid). */
async function sessionCookie(claims: { sub: string; sid?: string }) {
  const token = await encode({ token: claims, secret: requireEnv('AUTH_SECRET'), salt: COOKIE, maxAge: 3600 });
  return `${COOKIE}=${token}; other=1`;
}

describe('session revocation', () => {
  it('accepts a signed-in session cookie, and refuses it once that session is signed out', async () => {
    const colleague = await actorFor('colleague');
    const sid = randomUUID();
    const cookie = await sessionCookie({ sub: colleague.id, sid });
    expect(await sessionFromCookieHeader(cookie, db())).toEqual({ userId: colleague.id, sid });
    expect(await userIdFromCookieHeader(cookie, db())).toBe(colleague.id);

    await revokeSession(db(), sid, colleague.id);
    expect(await isSessionRevoked(db(), sid)).toBe(true);
    expect(await sessionFromCookieHeader(cookie, db())).toBeNull();
    expect(await userIdFromCookieHeader(cookie, db())).toBeNull();

    // The person's other sessions (another device) are untouched.
    const other = randomUUID();
    expect(await sessionFromCookieHeader(await sessionCookie({ sub: colleague.id, sid: other }), db())).toEqual({
      userId: colleague.id,
      sid: other,
    });
    // Revoking twice (two tabs signing out) is harmless.
    await revokeSession(db(), sid, colleague.id);
  });

  it('refuses a cookie without a session id (it could never be revoked) and a forged one', async () => {
    const colleague = await actorFor('colleague');
    expect(await sessionFromCookieHeader(await sessionCookie({ sub: colleague.id }), db())).toBeNull();
    expect(await sessionFromCookieHeader(`${COOKIE}=not-a-token`, db())).toBeNull();
    expect(await sessionFromCookieHeader(undefined, db())).toBeNull();
  });
});
