// Insights for regional managers: scope on the map and in every chart, the drill-down's 403,
// a map that really draws in headless Chromium (WebGL via SwiftShader), CSV export and axe.
import { apiSession, expectNoSeriousA11yViolations, signIn } from './helpers';
import { circlePixels } from './map-pixels';
import { expect, test } from './fixtures';

const NWY_STORES = ['BRD01', 'LDS01', 'LIV01', 'MCR01', 'PRE01', 'SHF01'];
const CHARTS = ['kpis', 'trend', 'peaks', 'categories', 'outcomes', 'response', 'loss', 'violence', 'stores', 'risk'];

test('a regional manager sees only their region on the map and in every chart, and the map draws', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'regional');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/insights');
  await expect(page.getByRole('heading', { name: 'Where are the hotspots?' })).toBeVisible({ timeout: 30_000 });
  const map = page.getByTestId('store-map');
  await expect(map).toBeVisible({ timeout: 20_000 });
  expect((await map.getAttribute('data-stores'))!.split(' ').sort()).toEqual(NWY_STORES);
  await expect(map.locator('canvas')).toBeVisible();
  await expect
    .poll(() => circlePixels(page), { timeout: 20_000, message: 'store circles drawn on the map canvas' })
    .toBeGreaterThan(200);
  await map.screenshot({ path: test.info().outputPath('insights-map.png') });
  // Store table (the map's text alternative): only region NWY.
  const rows = page.getByRole('table', { name: /Incidents per store/ }).locator('tbody tr');
  await expect(rows).toHaveCount(NWY_STORES.length);
  await expect(page.getByText('London Camden High Street')).toHaveCount(0);
  for (const title of [
    'How many incidents, and of which kinds?',
    'When do incidents happen?',
    'Which goods are most at risk?',
    'Where and when should we put a guard next week?',
  ]) {
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page);

  // Every chart's data equals the administrator's view of region NWY, and differs from the chain's.
  const regional = (await apiSession(baseURL!, 'regional')).api;
  const admin = (await apiSession(baseURL!, 'admin')).api;
  for (const chart of CHARTS) {
    const mine = await regional.get(`/insights/export?chart=${chart}&period=30d`);
    expect(mine.status(), chart).toBe(200);
    expect(mine.headers()['content-type']).toContain('text/csv');
    const theirs = await admin.get(`/insights/export?chart=${chart}&period=30d&region=NWY`);
    expect(await mine.text(), chart).toBe(await theirs.text());
  }
  const all = await admin.get('/insights/export?chart=kpis&period=30d');
  expect(await all.text()).not.toBe(await (await regional.get('/insights/export?chart=kpis&period=30d')).text());
  expect((await regional.get('/insights/export?chart=trend&region=LSE')).status()).toBe(403);
  expect((await regional.get('/insights/export?chart=zones&store=LON01')).status()).toBe(403);
});

test("a regional manager gets 403 on another region's drill-down, and their own opens from the map", async ({
  page,
}) => {
  await signIn(page, 'regional');
  const res = await page.goto('/insights/stores/LON01');
  expect(res?.status()).toBe(403);
  expect((await page.goto('/insights?region=LSE'))?.status()).toBe(403);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/insights');
  await page.getByRole('link', { name: 'Manchester Market Street' }).first().click();
  await expect(page).toHaveURL(/\/insights\/stores\/MCR01/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Manchester Market Street', level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('heading', { name: 'Which parts of the store are hit?' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('table', { name: /Incidents per zone/ })).toBeVisible();
  await page.goto('/insights/stores/MCR01'); // a fresh document for the title and axe checks
  await expect(page.getByRole('table', { name: /Incidents per zone/ })).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page);
});

test('filters apply, invalid ones explain themselves, and a store manager sees only the home store', async ({
  page,
}) => {
  await signIn(page, 'manager');
  await page.goto('/insights?period=7d&types=theft');
  await expect(page.getByText(/Showing the last 7 days/)).toBeVisible({ timeout: 30_000 });
  expect((await page.getByTestId('store-map').getAttribute('data-stores', { timeout: 20_000 }))!).toBe('MCR01');
  await page.goto('/insights?from=2026-01-01');
  await expect(page.getByRole('alert').filter({ hasText: 'Those filters' })).toContainText(
    'Give both a start and an end date.',
  );
});

test('custom dates show as "Dates" in the period menu, and choosing a preset again clears them', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/insights?from=2026-10-01&to=2026-10-31');
  await expect(page.getByText('Showing 1 Oct 2026 to 31 Oct 2026, compared with the 31 days before')).toBeVisible({
    timeout: 30_000,
  });
  const period = page.getByRole('combobox', { name: 'Period' });
  await expect(period.locator('option:checked')).toHaveText('Dates');
  await period.selectOption({ label: 'Last 7 days' });
  await expect(page.getByLabel('Or from', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('to', { exact: true })).toHaveValue('');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText(/Showing the last 7 days/)).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Or from', { exact: true }).fill('2026-11-01');
  await expect(period.locator('option:checked')).toHaveText('Dates');
});
