import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, request } from '@playwright/test';
import { totpCode } from '@/lib/auth/totp';

export const PASSWORD = 'vigil-demo';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
export const HOME_STORE = 'MCR01';
export const OTHER_STORE = 'LON01';
export const MFA_USERS = new Set(['manager', 'regional', 'investigator', 'dpo', 'admin']);

export const DEMO_HOMES: Record<string, string> = {
  colleague: '/report',
  security: `/stores/${HOME_STORE}`,
  manager: `/stores/${HOME_STORE}`,
  regional: '/insights',
  investigator: '/cases',
  dpo: '/admin',
  admin: '/admin',
};

export async function signInThroughForm(page: Page, local: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(`${local}@demo.vigil`);
  await page.getByLabel('Password').fill(password);
  if (MFA_USERS.has(local)) await page.getByLabel('Authentication code').fill(totpCode(TOTP_SECRET));
  await page.getByRole('button', { name: 'Sign in' }).click();
  // With the right password, wait until the session exists before the test navigates on.
  if (password === PASSWORD) await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** An API client holding a session cookie, signed in through the Auth.js endpoints. */
export async function apiSession(baseURL: string, local: string): Promise<{ api: APIRequestContext; cookie: string }> {
  const api = await request.newContext({ baseURL });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: `${local}@demo.vigil`, password: PASSWORD, totp: totpCode(TOTP_SECRET), callbackUrl: `${baseURL}/` },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  const state = await api.storageState();
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { api, cookie };
}

export async function expectNoSeriousA11yViolations(page: Page) {
  await page.waitForLoadState('load');
  await expect(page.locator('html[lang="en-GB"] title')).toHaveCount(1);
  const scan = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  let serious = await scan();
  // A scan that lands during a client-side navigation sees a bare interim document
  // (no <title>, no lang); scan again once the page has settled rather than report that.
  if (serious.some((v) => v.id === 'document-title' || v.id === 'html-has-lang')) {
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    serious = await scan();
  }
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}
