// The live store console: alerts arrive within 2 s, actions show on every console,
// and a console that lost its connection catches up on what it missed, each once.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { createDeviceWithCli, expectNoSeriousA11yViolations, signIn } from './helpers';
import { expect, test } from './fixtures';

const deviceKey = (store: string) => createDeviceWithCli(store).apiKey;

async function panic(request: APIRequestContext, key: string) {
  const res = await request.post('/api/ingest/events', {
    headers: { authorization: `Bearer ${key}` },
    data: { events: [{ id: randomUUID(), type: 'panic', occurredAt: new Date().toISOString() }] },
  });
  expect(res.status()).toBe(202);
}

async function openConsole(browser: Browser, store: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, 'admin');
  await page.goto(`/stores/${store}`);
  await expect(page.getByTestId('connection')).toHaveText('Live');
  return page;
}

test('two consoles see a new alert within 2 s, and each other’s acknowledge and resolve', async ({
  browser,
  request,
}) => {
  const key = deviceKey('SUN01');
  const [a, b] = await Promise.all([openConsole(browser, 'SUN01'), openConsole(browser, 'SUN01')]);
  await panic(request, key);
  for (const page of [a, b])
    await expect(page.getByTestId('alert').filter({ hasText: 'Panic button' })).toHaveCount(1, { timeout: 2000 });

  await a.getByRole('button', { name: 'Acknowledge Panic button' }).click();
  await expect(b.getByTestId('alert').filter({ hasText: 'Acknowledged' })).toHaveCount(1, { timeout: 2000 });

  await b.getByLabel('Outcome for Panic button').selectOption('deterred');
  await b.getByRole('button', { name: 'Resolve Panic button' }).click();
  for (const page of [a, b]) await expect(page.getByTestId('alert')).toHaveCount(0, { timeout: 2000 });
  await expect(a.getByText('Recently resolved (1)')).toBeVisible();
  await expectNoSeriousA11yViolations(a);
});

test('a console that was offline catches up on the alerts it missed, each once', async ({ browser, request }) => {
  const key = deviceKey('DND01');
  const page = await openConsole(browser, 'DND01');
  await page.context().setOffline(true);
  await expect(page.getByTestId('connection')).not.toHaveText('Live', { timeout: 30_000 });
  for (let i = 0; i < 3; i++) await panic(request, key);
  await page.context().setOffline(false);
  await expect(page.getByTestId('connection')).toHaveText('Live', { timeout: 30_000 });
  await expect(page.getByTestId('alert')).toHaveCount(3, { timeout: 5000 });
  await page.waitForTimeout(500);
  await expect(page.getByTestId('alert')).toHaveCount(3);
});

test('a manager triages a new report from the console, with a message for the colleague', async ({
  browser,
  baseURL,
}) => {
  const { apiSession } = await import('./helpers');
  const { api } = await apiSession(baseURL!, 'colleague');
  const description = `E2E triage ${randomUUID().slice(0, 8)}`;
  const res = await api.post('/api/incidents', {
    data: { store: 'MCR01', type: 'threats_abuse', description },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  const { ref } = (await res.json()) as { ref: string };

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, 'manager');
  await page.goto('/stores/MCR01');
  const item = page.getByTestId('triage-item').filter({ hasText: ref });
  await item.locator('summary').click();
  await expect(item.getByText(description)).toBeVisible();
  await item.getByLabel(`Move ${ref} to`).selectOption('triaged');
  await item.getByLabel('Message to the colleague who reported it (optional)').fill('Thanks, we have the CCTV.');
  await item.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${ref} is now triaged` })).toBeVisible();
  await page.reload();
  const again = page.getByTestId('triage-item').filter({ hasText: ref });
  await again.locator('summary').click();
  await expect(again.getByText('Message to reporter: Thanks, we have the CCTV.')).toBeVisible();
  await expect(again.locator('summary')).toContainText('Triaged');
});

test('an alert event carrying only the contract’s minimum fields shows up without breaking the console', async ({
  browser,
}) => {
  const page = await openConsole(browser, 'RDG01');
  const { execFileSync } = await import('node:child_process');
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'tests/support/emit-from-worker.ts', 'RDG01', 'alert:new', randomUUID()],
    {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    },
  );
  await expect(page.getByTestId('alert').filter({ hasText: 'Alert' })).toHaveCount(1, { timeout: 3000 });
  await expect(page.getByRole('heading', { name: 'Live alerts' })).toBeVisible();
});
