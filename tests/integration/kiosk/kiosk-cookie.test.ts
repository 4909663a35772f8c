// The kiosk's device key lives in a cookie; over https it must never travel in clear.
import { describe, expect, it } from 'vitest';
import { POST as pair } from '@/app/api/kiosk/pair/route';
import { createEnrolmentCode } from '@/lib/kiosk/create-enrolment-code';
import { kioskCookieSecure } from '@/lib/kiosk/kiosk-credentials';
import { actorFor, db, HOME_STORE } from '../../support/fixtures';
import { callRoute } from '../../support/route-request';

async function pairWith(headers: Record<string, string>) {
  const { code } = await createEnrolmentCode(db(), await actorFor('manager'), { store: HOME_STORE });
  const req = new Request('http://vigil.example/api/kiosk/pair', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ store: HOME_STORE, code }),
  });
  const res = await callRoute(pair, req);
  expect(res.status).toBe(201);
  return res.headers.get('set-cookie') ?? '';
}

describe('the kiosk device cookie', () => {
  it('is Secure when the client reached us over https (as server.ts resolved it, a trusted proxy included)', async () => {
    expect(await pairWith({ 'x-vigil-client-ip': '203.0.113.20', 'x-vigil-client-proto': 'https' })).toMatch(
      /vigil_kiosk=vgk_[^;]+;.*\bSecure\b/i,
    );
  });

  it('is not Secure over plain http with no https public URL, and a client’s own X-Forwarded-Proto changes nothing', async () => {
    const cookie = await pairWith({
      'x-vigil-client-ip': '203.0.113.21',
      'x-vigil-client-proto': 'http',
      'x-forwarded-proto': 'https',
    });
    expect(cookie).toMatch(/vigil_kiosk=vgk_/);
    expect(cookie).not.toMatch(/\bSecure\b/i);
  });
});

describe('kioskCookieSecure', () => {
  const plain = new Request('http://vigil.example/api/kiosk/pair', { headers: { 'x-vigil-client-proto': 'http' } });
  it('is true whenever VIGIL_PUBLIC_URL is https, even for a request that reached us over http (TLS ended elsewhere)', () => {
    expect(kioskCookieSecure(plain, 'https://vigil.example')).toBe(true);
    expect(kioskCookieSecure(plain, 'http://vigil.local:3000')).toBe(false);
    expect(kioskCookieSecure(plain, undefined)).toBe(false);
  });
});
