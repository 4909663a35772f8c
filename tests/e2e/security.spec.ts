// The browser-facing defences: a Content-Security-Policy with a fresh nonce on every page (the
// fixtures fail any test whose pages break it), the fixed headers on API and static responses,
// HSTS only over TLS, and the note that says a database holds the published demo accounts.
import { expect, test } from './fixtures';
import { signInThroughForm } from './helpers';

const nonceOf = (policy: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? '')?.[1];

test('every page gets its own CSP nonce, and every script on it carries that nonce', async ({ request }) => {
  const first = await request.get('/sign-in');
  const second = await request.get('/sign-in');
  const policy = first.headers()['content-security-policy'];
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("form-action 'self'");
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const nonce = nonceOf(policy);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()['content-security-policy'])).not.toBe(nonce);

  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  expect(first.headers()['x-content-type-options']).toBe('nosniff');
  expect(first.headers()['x-frame-options']).toBe('DENY');
  expect(first.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(first.headers()['permissions-policy']).toContain('camera=()');
});

test('API and static responses are locked down too', async ({ request }) => {
  for (const url of ['/api/health', '/api/me']) {
    const res = await request.get(url);
    expect(res.headers()['content-security-policy'], url).toContain("default-src 'none'");
    expect(res.headers()['x-content-type-options'], url).toBe('nosniff');
    expect(res.headers()['x-frame-options'], url).toBe('DENY');
  }
  const sw = await request.get('/sw.js');
  expect(sw.headers()['x-content-type-options']).toBe('nosniff');
});

// When HSTS is sent (VIGIL_PUBLIC_URL https, or TLS reported by a trusted proxy) is unit-tested
// in tests/unit/security-headers.test.ts; here: plain HTTP gets none, and a client can't fake TLS.
test('HSTS is not sent over plain HTTP, and a client claiming TLS itself is not believed', async ({ request }) => {
  const plain = await request.get('/sign-in');
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
  const spoofed = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
  expect(spoofed.headers()['strict-transport-security']).toBeUndefined();
});

test('while the demo accounts exist, every page says it is demo data', async ({ browser }, testInfo) => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await page.goto('/sign-in');
  const note = page.getByRole('note').filter({ hasText: 'Demo data — not for real use' });
  await expect(note).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('demo-banner-sign-in.png') });

  await signInThroughForm(page, 'colleague');
  await page.goto('/report');
  await expect(note).toBeVisible();
  // A slim line above the app, not over it.
  const banner = (await note.boundingBox())!;
  const header = (await page.getByRole('banner').boundingBox())!;
  expect(banner.height).toBeLessThan(60);
  expect(header.y).toBeGreaterThanOrEqual(banner.y + banner.height - 1);
  await page.screenshot({ path: testInfo.outputPath('demo-banner-report.png') });
  await ctx.close();
});
