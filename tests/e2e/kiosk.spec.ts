// The shared in-store kiosk: paired with a one-time code, colleagues identify with staff
// number + PIN, report, and the console sees it live; wrong PINs lock, a revoked kiosk
// is refused, and an idle kiosk forgets everything typed.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import postgres from 'postgres';
import { apiSession, expectNoSeriousA11yViolations, signIn } from './helpers';
import { expect, test } from './fixtures';

const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
test.afterAll(async () => sql.end());

const KIOSK = { viewport: { width: 1024, height: 768 }, hasTouch: true };
const PIN = '2468';

async function pairingCode(baseURL: string, store: string): Promise<string> {
  const { api } = await apiSession(baseURL, 'manager');
  const res = await api.post('/api/kiosk/enrolment-codes', { data: { store } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

async function pairKiosk(browser: Browser, code: string, store = 'MCR01'): Promise<Page> {
  const page = await (await browser.newContext(KIOSK)).newPage();
  await page.goto(`/kiosk/${store}`);
  await page.getByLabel('Pairing code').fill(code);
  await page.getByRole('button', { name: 'Pair this kiosk' }).click();
  await expect(page.getByRole('heading', { name: 'Report something' })).toBeVisible();
  return page;
}

async function enterPin(page: Page, staffNumber: string, pin: string) {
  const keypad = page.getByRole('group', { name: 'Number keypad' });
  // The staff number stays after a wrong PIN (only the PIN clears), so start each field afresh.
  await page.getByLabel('Staff number').click();
  await keypad.getByRole('button', { name: 'Clear' }).click();
  for (const d of staffNumber) await keypad.getByRole('button', { name: d, exact: true }).click();
  await page.getByLabel('PIN', { exact: true }).click();
  await keypad.getByRole('button', { name: 'Clear' }).click();
  for (const d of pin) await keypad.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'Start my report' }).click();
}

test('a kiosk paired from the admin page takes a PIN-identified report that the console sees within 2 s', async ({
  browser,
}) => {
  const manager = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(manager, 'manager');
  await manager.goto('/admin/devices');
  await manager.getByLabel('Kiosk for').selectOption('MCR01');
  await manager.getByRole('button', { name: 'Create pairing code' }).click();
  const code = (await manager.getByTestId('kiosk-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  const kiosk = await pairKiosk(browser, code);
  await expectNoSeriousA11yViolations(kiosk);
  await manager.goto('/stores/MCR01');
  await expect(manager.getByTestId('connection')).toHaveText('Live');

  await enterPin(kiosk, '100001', PIN);
  await expect(kiosk.getByText('Hello Casey. Reporting as you.')).toBeVisible();
  const marker = `kiosk-${randomUUID().slice(0, 8)}`;
  await kiosk.getByText('Theft', { exact: true }).click();
  await kiosk.getByLabel('Anything else? (optional)').fill(marker);
  await expectNoSeriousA11yViolations(kiosk);
  await kiosk.getByRole('button', { name: 'Send report' }).click();
  const sent = kiosk.getByRole('heading', { name: /Report sent: INC-/ });
  await expect(sent).toBeVisible();
  const ref = /INC-\d{4}-\d+/.exec((await sent.textContent())!)![0];
  const sentAt = Date.now();
  await expect(manager.getByTestId('triage-item').filter({ hasText: ref })).toHaveCount(1, { timeout: 2000 });
  expect(Date.now() - sentAt).toBeLessThan(2500);

  const [row] = await sql<
    { source: string; email: string }[]
  >`select i.source, u.email from incident i join app_user u on u.id = i.reporter_id where i.ref = ${ref}`;
  expect(row).toEqual({ source: 'kiosk', email: 'colleague@demo.vigil' });

  // Done: the kiosk forgets the colleague straight away.
  await kiosk.getByRole('button', { name: 'Done' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Report something' })).toBeVisible();
  await expect(kiosk.getByLabel('Staff number')).toHaveValue('');
});

test('five wrong PINs lock that PIN for 15 minutes, and the right PIN is refused meanwhile', async ({
  browser,
  baseURL,
}) => {
  const kiosk = await pairKiosk(browser, await pairingCode(baseURL!, 'MCR01'));
  for (let i = 1; i <= 4; i++) {
    await enterPin(kiosk, '100002', '0000');
    await expect(kiosk.locator('#pin-error')).toContainText(`${5 - i} ${5 - i === 1 ? 'try' : 'tries'} left`);
  }
  await enterPin(kiosk, '100002', '0000');
  await expect(kiosk.locator('#pin-error')).toContainText('locked for 15 minutes');
  await enterPin(kiosk, '100002', PIN);
  await expect(kiosk.locator('#pin-error')).toContainText('This PIN is locked');
  await expect(kiosk.getByText('Reporting as you')).toHaveCount(0);
  const audit = await sql<
    { action: string }[]
  >`select action from audit_log where action like 'kiosk.pin.%' and detail->>'store' = 'MCR01' order by seq desc limit 2`;
  expect(audit.map((a) => a.action)).toEqual(['kiosk.pin.refused_locked', 'kiosk.pin.locked']);
});

test('a revoked kiosk is refused at its next request', async ({ browser, baseURL }) => {
  const kiosk = await pairKiosk(browser, await pairingCode(baseURL!, 'MCR01'));
  const [device] = await sql<
    { id: string }[]
  >`select id from device where kind = 'kiosk' and status = 'active' order by created_at desc limit 1`;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/vigil.ts', 'device', 'revoke', '--id', device!.id], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
  });
  await enterPin(kiosk, '100001', PIN);
  await expect(kiosk.getByRole('heading', { name: 'Set up this kiosk' })).toBeVisible();
  await expect(kiosk.getByRole('alert').filter({ hasText: 'switched off or unpaired' })).toBeVisible();
  const res = await kiosk.request.post('/api/incidents', {
    data: { store: 'MCR01', type: 'theft' },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(res.status()).toBe(401);
});

test('after a minute without a touch the kiosk forgets the colleague and everything typed', async ({
  browser,
  baseURL,
}) => {
  const code = await pairingCode(baseURL!, 'MCR01');
  const context = await browser.newContext(KIOSK);
  const kiosk = await context.newPage();
  await kiosk.clock.install();
  await kiosk.goto('/kiosk/MCR01');
  await kiosk.getByLabel('Pairing code').fill(code);
  await kiosk.getByRole('button', { name: 'Pair this kiosk' }).click();
  await enterPin(kiosk, '100003', PIN);
  await expect(kiosk.getByText('Hello Morgan. Reporting as you.')).toBeVisible();
  await kiosk.getByText('Threats or abuse', { exact: true }).click();
  await kiosk.getByLabel('Anything else? (optional)').fill('something private');

  await kiosk.clock.fastForward(52_000);
  await expect(kiosk.getByRole('alertdialog', { name: 'Still there?' })).toBeVisible();
  await kiosk.clock.fastForward(10_000);
  await expect(kiosk.getByRole('heading', { name: 'Report something' })).toBeVisible();
  await expect(kiosk.getByText('Reporting as you')).toHaveCount(0);
  await expect(kiosk.getByText('something private')).toHaveCount(0);
  await expect(kiosk.getByLabel('Staff number')).toHaveValue('');
  await context.close();
});

test('the kiosk shows the store’s open alerts live, without names', async ({ browser, baseURL }) => {
  const kiosk = await pairKiosk(browser, await pairingCode(baseURL!, 'MCR01'));
  // Panic needs no PIN: anyone at the kiosk can get help.
  const button = kiosk.getByTestId('panic-button');
  const box = (await button.boundingBox())!;
  await kiosk.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await kiosk.mouse.down();
  await kiosk.waitForTimeout(1700);
  await kiosk.mouse.up();
  await expect(kiosk.getByText('Help is on the way')).toBeVisible();
  const banner = kiosk.getByTestId('kiosk-alerts');
  await expect(banner).toContainText('Panic button', { timeout: 3000 });
  await expect(banner).not.toContainText('Sam');
});
