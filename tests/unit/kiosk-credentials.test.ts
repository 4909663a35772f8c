import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

// lib/env reads the environment once, at import; unit tests have no .env.local.
vi.hoisted(() => {
  process.env.AUTH_SECRET = 'unit-test-secret-unit-test-secret-0123456789';
});

const { KIOSK_COLLEAGUE_TTL_SECONDS, signColleagueToken, verifyColleagueToken } = await import('@/lib/kiosk/kiosk-credentials');

const user = randomUUID();
const kiosk = randomUUID();

describe('kiosk colleague tokens', () => {
  it('name the colleague they were signed for, at the kiosk they were signed for', () => {
    const token = signColleagueToken(user, kiosk);
    expect(verifyColleagueToken(token, kiosk)).toBe(user);
  });

  it('are refused at another kiosk', () => {
    expect(verifyColleagueToken(signColleagueToken(user, kiosk), randomUUID())).toBeNull();
  });

  it('are refused once expired, and accepted until then', () => {
    const issued = Date.UTC(2026, 0, 1, 9, 0, 0);
    const token = signColleagueToken(user, kiosk, issued);
    expect(verifyColleagueToken(token, kiosk, issued + (KIOSK_COLLEAGUE_TTL_SECONDS - 1) * 1000)).toBe(user);
    expect(verifyColleagueToken(token, kiosk, issued + (KIOSK_COLLEAGUE_TTL_SECONDS + 1) * 1000)).toBeNull();
  });

  it('are refused when the signature is tampered with', () => {
    const token = signColleagueToken(user, kiosk);
    const [payload, mac] = token.split('.') as [string, string];
    const flipped = `${mac.slice(0, -2)}${mac.at(-2) === 'A' ? 'B' : 'A'}${mac.at(-1)}`;
    expect(verifyColleagueToken(`${payload}.${flipped}`, kiosk)).toBeNull();
    expect(verifyColleagueToken(`${payload}.${mac.slice(1)}`, kiosk)).toBeNull();
    expect(verifyColleagueToken(`${payload}.`, kiosk)).toBeNull();
  });

  it('are refused when someone else is written into the claims', () => {
    const [, mac] = signColleagueToken(user, kiosk).split('.');
    const forged = Buffer.from(JSON.stringify({ uid: randomUUID(), did: kiosk, exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
    expect(verifyColleagueToken(`${forged}.${mac}`, kiosk)).toBeNull();
  });

  it('refuse nothing-like-a-token without throwing', () => {
    for (const junk of [undefined, '', '.', 'abc', 'a.b.c', '💥.💥']) expect(verifyColleagueToken(junk, kiosk)).toBeNull();
  });

  it('are refused by a server with another secret', async () => {
    const token = signColleagueToken(user, kiosk);
    vi.resetModules();
    process.env.AUTH_SECRET = 'another-server-secret-another-server-secret';
    const other = await import('@/lib/kiosk/kiosk-credentials');
    expect(other.verifyColleagueToken(token, kiosk)).toBeNull();
    expect(other.verifyColleagueToken(other.signColleagueToken(user, kiosk), kiosk)).toBe(user);
  });
});
