import { randomUUID } from 'node:crypto';
import { apiSession, HOME_STORE, OTHER_STORE, signIn } from './helpers';
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
  await signIn(page, 'colleague');
  await expect(page).toHaveURL(/\/report$/);
  const res = await page.goto(`/stores/${OTHER_STORE}`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  const { api } = await apiSession(baseURL!, 'colleague');
  expect((await api.get(`/api/incidents?store=${OTHER_STORE}`)).status()).toBe(403);
});

// Role × endpoint for every entry point: tests/e2e/access-matrix.spec.ts.

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

  const other = await api.post('/api/incidents', {
    data: { ...body, store: OTHER_STORE },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(other.status()).toBe(403);
  const bad = await api.post('/api/incidents', {
    data: { store: HOME_STORE },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'type' })]));
  const notJson = await api.post('/api/incidents', {
    data: 'type=theft',
    headers: { 'Idempotency-Key': randomUUID(), 'content-type': 'text/plain' },
  });
  expect(notJson.status()).toBe(415);
  const noKey = await api.post('/api/incidents', { data: body });
  expect(noKey.status()).toBe(400);
});

test('GET /api/health and /api/openapi.json describe the running app', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });
  const doc = (await (await request.get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(['/api/health', '/api/me', '/api/incidents', '/api/alerts']),
  );
});
