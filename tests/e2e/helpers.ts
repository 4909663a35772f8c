import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, request } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { freshTotpCode, sharedOnce } from './sessions';

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
  if (MFA_USERS.has(local))
    await page.getByLabel('Authentication code').fill(await freshTotpCode(`${local}@demo.vigil`, TOTP_SECRET));
  await page.getByRole('button', { name: 'Sign in' }).click();
  // With the right password, wait until the session exists before the test navigates on.
  if (password === PASSWORD) await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

type StoredCookie = {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
};

/** A demo person's session, signed in once per run and shared (see sessions.ts for why). */
async function demoSessionCookies(baseURL: string, local: string): Promise<StoredCookie[]> {
  return sharedOnce(`session-${local}-${new URL(baseURL).port}`, async () => {
    const { api } = await apiSessionAs(
      baseURL,
      `${local}@demo.vigil`,
      PASSWORD,
      MFA_USERS.has(local) ? TOTP_SECRET : null,
    );
    const { cookies } = await api.storageState();
    await api.dispose();
    return cookies;
  });
}

/** An API client holding a demo person's session cookie. */
export async function apiSession(baseURL: string, local: string): Promise<{ api: APIRequestContext; cookie: string }> {
  const cookies = await demoSessionCookies(baseURL, local);
  const api = await request.newContext({ baseURL, storageState: { cookies, origins: [] } });
  return { api, cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}

/** Signs a page in as a demo person with their shared session and opens their home, as the form would. */
export async function signIn(page: Page, local: string, baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`) {
  await page.context().addCookies(await demoSessionCookies(baseURL, local));
  await page.goto('/');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in') && url.pathname !== '/');
}

export async function apiSessionAs(
  baseURL: string,
  email: string,
  password: string,
  totpSecret: string | null,
): Promise<{ api: APIRequestContext; cookie: string }> {
  const api = await request.newContext({ baseURL });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await api.post('/api/auth/callback/credentials', {
    form: {
      csrfToken,
      email,
      password,
      totp: totpSecret ? await freshTotpCode(email, totpSecret) : '',
      callbackUrl: `${baseURL}/`,
    },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  const state = await api.storageState();
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { api, cookie };
}

export async function expectNoSeriousA11yViolations(page: Page) {
  await page.waitForLoadState('load');
  // The page names itself (what a screen reader announces). After a client-side navigation Next
  // may briefly hold the old and new <title> in <head>; document.title is the one in force.
  await expect(page.locator('html[lang="en-GB"]')).toHaveCount(1, { timeout: 30_000 });
  await expect.poll(() => page.title(), { timeout: 30_000 }).toMatch(/\S/);
  // Scan the settled page: a live alert sliding in (an opacity fade) would otherwise be measured
  // half-transparent and fail contrast that it meets a quarter of a second later.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Registers a device through the operator CLI, as an operator would, on the e2e database. */
export function createDeviceWithCli(store: string, kind = 'sensor'): { id: string; apiKey: string } {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/vigil.ts',
      'device',
      'create',
      '--store',
      store,
      '--kind',
      kind,
      '--vendor',
      'generic',
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as { id: string; apiKey: string };
}

/** A person of their own (so a test can disable them without disturbing others), made with the operator CLI. */
export function createUserWithCli(role: string, scope: string[]): { id: string; email: string; password: string } {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.vigil`;
  const password = `pw-${randomUUID()}`;
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/vigil.ts',
      'user',
      'create',
      '--email',
      email,
      '--name',
      `Test ${role}`,
      '--role',
      role,
      ...scope,
      '--password',
      password,
    ],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL } },
  );
  const { id } = JSON.parse(out.trim().split('\n').pop()!) as { id: string };
  return { id, email, password };
}

/** A socket.io client with the given session cookie (none: anonymous); rejects on a refused handshake. */
export function connectSocket(url: string, cookie?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(e));
  });
}
