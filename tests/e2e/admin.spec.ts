import { expectNoSeriousA11yViolations, signIn } from './helpers';
import { expect, test } from './fixtures';

test('an admin registers a device, sees its key once, and revoking it stops the key working', async ({
  page,
  request,
}) => {
  await signIn(page, 'admin');
  await page.goto('/admin/devices');
  await expect(page.getByRole('heading', { name: 'Devices', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const name = `E2E camera ${Date.now()}`;
  await page.getByLabel('Store').selectOption('MCR01');
  await page.getByLabel('Kind').selectOption('camera');
  await page.getByLabel('Vendor', { exact: true }).fill('axis');
  await page.getByLabel('Name (optional)').fill(name);
  await page.getByRole('button', { name: 'Register device' }).click();
  await expect(page.getByText('Copy its API key now')).toBeVisible();
  const apiKey = (await page.getByTestId('api-key').textContent())!.trim();
  expect(apiKey).toMatch(/^vgl_/);

  const send = () =>
    request.post('/api/ingest/events', {
      headers: { authorization: `Bearer ${apiKey}` },
      data: {
        events: [{ id: `${Date.now()}-${Math.random()}`, type: 'motion', occurredAt: new Date().toISOString() }],
      },
    });
  expect((await send()).status()).toBe(202);

  await page.reload();
  await expect(page.getByText(apiKey)).toHaveCount(0);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) }).getByText('Revoked')).toBeVisible();
  expect((await send()).status()).toBe(401);
});

test('the rule editor previews how often a rule would have fired, then saves it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/rules');
  await expect(page.getByRole('heading', { name: 'Alert rules', level: 1 })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^Panic button/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Name', { exact: true }).fill('E2E door left open');
  await page.getByLabel('Event type').selectOption('door_open');
  await page.getByLabel('At least (events)').fill('1');
  await page.getByRole('button', { name: 'Preview last 30 days' }).click();
  await expect(page.getByRole('region', { name: 'Backtest' })).toContainText(
    /Would have fired \d+ times? in the last 30 days/,
  );
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('status')).toContainText('Rule saved');
  await expect(page.getByRole('cell', { name: /^E2E door left open/ })).toBeVisible();
});

test('a store manager cannot make chain-wide rules, and gets a clear message', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/admin/rules');
  await page.getByLabel('Name', { exact: true }).fill('Everywhere');
  await page.getByLabel('Applies to').selectOption('all');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Only administrators' })).toBeVisible();
});
