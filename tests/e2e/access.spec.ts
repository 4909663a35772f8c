import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { apiSession, HOME_STORE, OTHER_STORE, signInThroughForm } from './helpers';
import { expect, test } from './fixtures';

test('signed-out visitors are sent to sign-in, and the API answers 401', async ({ page, request }) => {
  for (const path of ['/report', '/admin', '/insights']) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path)}`));
  }
  for (const path of ['/api/me', '/api/incidents', '/api/alerts', '/api/context/police-crimes']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthenticated' });
  }
});

test("a colleague cannot open another store's data", async ({ page, baseURL }) => {
  await signInThroughForm(page, 'colleague');
  await expect(page).toHaveURL(/\/report$/);
  const res = await page.goto(`/stores/${OTHER_STORE}`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  const { api } = await apiSession(baseURL!, 'colleague');
  expect((await api.get(`/api/incidents?store=${OTHER_STORE}`)).status()).toBe(403);
});

// Role × endpoint: what each demo role gets from each protected route.
const A = 200;
const F = 403;
const matrix: { route: string; expect: Record<string, number> }[] = [
  { route: '/api/me', expect: { colleague: A, security: A, manager: A, regional: A, investigator: A, dpo: A, admin: A } },
  { route: `/api/incidents?store=${HOME_STORE}`, expect: { colleague: A, security: A, manager: A, regional: A, investigator: A, dpo: F, admin: A } },
  { route: `/api/incidents?store=${OTHER_STORE}`, expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: F, admin: A } },
  { route: `/api/alerts?store=${HOME_STORE}`, expect: { colleague: F, security: A, manager: A, regional: A, investigator: F, dpo: F, admin: A } },
  { route: `/api/alerts?store=${OTHER_STORE}`, expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: F, admin: A } },
  { route: '/report', expect: { colleague: A, security: A, manager: A, regional: F, investigator: F, dpo: F, admin: F } },
  { route: `/stores/${HOME_STORE}`, expect: { colleague: F, security: A, manager: A, regional: A, investigator: F, dpo: F, admin: A } },
  { route: `/stores/${OTHER_STORE}`, expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: F, admin: A } },
  { route: '/insights', expect: { colleague: F, security: F, manager: A, regional: A, investigator: F, dpo: F, admin: A } },
  { route: '/cases', expect: { colleague: F, security: F, manager: F, regional: F, investigator: A, dpo: F, admin: A } },
  { route: '/admin', expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: A, admin: A } },
  { route: '/admin/devices', expect: { colleague: F, security: F, manager: A, regional: F, investigator: F, dpo: F, admin: A } },
  { route: '/admin/rules', expect: { colleague: F, security: F, manager: A, regional: A, investigator: F, dpo: F, admin: A } },
  { route: `/api/events?store=${HOME_STORE}`, expect: { colleague: F, security: A, manager: A, regional: A, investigator: F, dpo: F, admin: A } },
  { route: '/my-reports', expect: { colleague: A, security: A, manager: A, regional: A, investigator: A, dpo: A, admin: A } },
  { route: '/help', expect: { colleague: A, security: A, manager: A, regional: A, investigator: A, dpo: A, admin: A } },
  { route: `/insights/stores/${HOME_STORE}`, expect: { colleague: F, security: F, manager: A, regional: A, investigator: F, dpo: F, admin: A } },
  { route: `/insights/stores/${OTHER_STORE}`, expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: F, admin: A } },
  // Context data (data.police.uk imports): chain-wide administrators only.
  { route: '/admin/context', expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: F, admin: A } },
  { route: '/api/context/police-crimes', expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: F, admin: A } },
];

// Writes added with the staff app and kiosk: who may make a kiosk pairing code, and raise a panic, for which store.
const writes: { name: string; send: (api: APIRequestContext) => Promise<number>; expect: Record<string, number> }[] = [
  {
    name: `pairing code ${HOME_STORE}`,
    send: async (api) => (await api.post('/api/kiosk/enrolment-codes', { data: { store: HOME_STORE } })).status(),
    expect: { colleague: F, security: F, manager: 201, regional: F, investigator: F, dpo: F, admin: 201 },
  },
  {
    name: `pairing code ${OTHER_STORE}`,
    send: async (api) => (await api.post('/api/kiosk/enrolment-codes', { data: { store: OTHER_STORE } })).status(),
    expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: F, admin: 201 },
  },
  {
    // Only the header is sent: an administrator gets past authorisation to the 400, and nothing is stored.
    name: 'police.uk import',
    send: async (api) =>
      (await api.post('/api/context/police-crimes', { data: 'Not,the,police.uk,header\r\n', headers: { 'content-type': 'text/csv' } })).status(),
    expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: F, admin: 400 },
  },
  {
    name: 'police.uk import delete',
    send: async (api) => (await api.delete(`/api/context/police-crimes/${randomUUID()}`)).status(),
    expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: F, admin: 404 },
  },
  {
    name: `panic ${OTHER_STORE}`,
    send: async (api) => (await api.post('/api/panic', { data: { store: OTHER_STORE }, headers: { 'Idempotency-Key': randomUUID() } })).status(),
    expect: { colleague: F, security: F, manager: F, regional: F, investigator: F, dpo: F, admin: 202 },
  },
];

for (const local of ['colleague', 'security', 'manager', 'regional', 'investigator', 'dpo', 'admin']) {
  test(`authorisation matrix: ${local}`, async ({ baseURL }) => {
    const { api } = await apiSession(baseURL!, local);
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const row of matrix) {
      got[row.route] = (await api.get(row.route, { maxRedirects: 0 })).status();
      want[row.route] = row.expect[local]!;
    }
    for (const w of writes) {
      got[w.name] = await w.send(api);
      want[w.name] = w.expect[local]!;
    }
    expect(got).toEqual(want);
  });
}

test('POST /api/incidents is idempotent, scoped and validated', async ({ baseURL }) => {
  const { api } = await apiSession(baseURL!, 'colleague');
  const key = randomUUID();
  const body = { store: HOME_STORE, type: 'theft', goodsCategories: ['alcohol'], lossPence: 2500 };
  const first = await api.post('/api/incidents', { data: body, headers: { 'Idempotency-Key': key } });
  expect(first.status()).toBe(201);
  const created = (await first.json()) as { id: string; ref: string };
  expect(created.ref).toMatch(/^INC-\d{4}-\d{6}$/);
  const again = await api.post('/api/incidents', { data: body, headers: { 'Idempotency-Key': key } });
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual(created);

  const other = await api.post('/api/incidents', { data: { ...body, store: OTHER_STORE }, headers: { 'Idempotency-Key': randomUUID() } });
  expect(other.status()).toBe(403);
  const bad = await api.post('/api/incidents', { data: { store: HOME_STORE }, headers: { 'Idempotency-Key': randomUUID() } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'type' })]));
  const notJson = await api.post('/api/incidents', { data: 'type=theft', headers: { 'Idempotency-Key': randomUUID(), 'content-type': 'text/plain' } });
  expect(notJson.status()).toBe(415);
  const noKey = await api.post('/api/incidents', { data: body });
  expect(noKey.status()).toBe(400);
});

test('GET /api/health and /api/openapi.json describe the running app', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });
  const doc = (await (await request.get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/me', '/api/incidents', '/api/alerts']));
});
