// The optional context layer: an administrator imports a data.police.uk street-level crime file on
// /admin/context, and /insights then offers the "Police-recorded shoplifting" map layer and a store
// table column, scoped like the rest of the page. The fixture holds Aug–Oct 2026 crimes near MCR01,
// LIV01 (region NWY) and LON01 (LSE), so the insights views below ask for exactly those months.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, signIn } from './helpers';
import { expect, test } from './fixtures';

const FIXTURE = path.join('tests', 'fixtures', 'police-street-crimes.csv');
const FILE_NAME = 'police-street-crimes.csv';
const PERIOD = '/insights?from=2026-08-01&to=2026-10-31';
const COLUMN = 'Police shoplifting within 1 km';
const OGL = 'Contains public sector information licensed under the Open Government Licence v3.0.';

test.describe.configure({ mode: 'serial' });

const storeTable = (page: Page) => page.getByRole('table', { name: /Incidents per store/ });

/** The police column's cell in a store's row. */
async function policeCell(table: Locator, storeName: string): Promise<Locator> {
  const headers = await table.locator('thead th').allTextContents();
  const col = headers.findIndex((h) => h.startsWith(COLUMN));
  expect(col, 'police column').toBeGreaterThan(0);
  return table
    .getByRole('row', { name: new RegExp(storeName) })
    .locator('td')
    .nth(col);
}

async function openInsights(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(PERIOD);
  await expect(page.getByRole('heading', { name: 'Where are the hotspots?' })).toBeVisible({ timeout: 30_000 });
}

test('with no police data, insights show nothing extra; administrators get a pointer to import some', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await openInsights(page);
  await expect(page.getByRole('link', { name: 'Admin → Context data' })).toHaveAttribute('href', '/admin/context');
  await expect(page.getByLabel('Police-recorded shoplifting')).toHaveCount(0);
  await expect(storeTable(page).getByText(COLUMN)).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, 'regional');
  await openInsights(page);
  await expect(page.getByText('Context data')).toHaveCount(0);
  await expect(page.getByLabel('Police-recorded shoplifting')).toHaveCount(0);
});

test('an administrator imports a police.uk file on the page, and importing it again adds nothing', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Context data' }).click();
  await expect(page.getByRole('heading', { name: 'Context data', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'data.police.uk/data' })).toHaveAttribute(
    'href',
    'https://data.police.uk/data/',
  );
  await expect(page.getByText('No police data yet')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const status = page.getByRole('status').filter({ hasText: 'without a location' });
  await page.getByLabel('Street-level crime CSV').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(status).toContainText('78 crimes added, 0 already imported, 4 without a location.', { timeout: 30_000 });
  await expect(status).toContainText(`82 rows read from ${FILE_NAME}`);
  const rows = page.getByRole('table', { name: /Imported police\.uk/ }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Aug to Oct 2026');

  await page.getByLabel('Street-level crime CSV').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(status).toContainText('0 crimes added, 78 already imported, 4 without a location.', { timeout: 30_000 });
  await expect(rows).toHaveCount(2);

  // A file in another format is refused with the line at fault, and nothing is saved.
  await page.getByLabel('Street-level crime CSV').setInputFiles({
    name: 'outcomes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\r\n',
    ),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Line 1:' })).toContainText(
    'Line 1: this is not a data.police.uk street-level crime file',
  );
  await expect(rows).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
});

test('insights show the police layer toggle and column, with the months and the licence, scoped by role', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await openInsights(page);
  const table = storeTable(page);
  await expect(table.locator('thead th').filter({ hasText: COLUMN })).toContainText('Aug to Oct 2026');
  await expect(await policeCell(table, 'Manchester Market Street')).toHaveText('18');
  await expect(await policeCell(table, 'London Camden High Street')).toHaveText('9');
  await expect(await policeCell(table, 'Birmingham New Street')).toContainText('no police data');
  await expect(page.getByText(OGL).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Admin → Context data' })).toHaveCount(0);

  const toggle = page.getByLabel('Police-recorded shoplifting');
  await expect(toggle).not.toBeChecked();
  const map = page.getByTestId('store-map');
  await expect(map.locator('canvas')).toBeVisible({ timeout: 20_000 });
  await expect(map).not.toHaveAttribute('data-police-points');
  await toggle.check();
  await expect(map).toHaveAttribute('data-police-points', '39');
  await expectNoSeriousA11yViolations(page);

  await page.context().clearCookies();
  await signIn(page, 'regional');
  await openInsights(page);
  await expect(await policeCell(storeTable(page), 'Liverpool Church Street')).toHaveText('12');
  await expect(storeTable(page).getByText('London Camden High Street')).toHaveCount(0);
  await page.getByLabel('Police-recorded shoplifting').check();
  await expect(page.getByTestId('store-map')).toHaveAttribute('data-police-points', '30', { timeout: 20_000 });
  await expect(
    page.getByText(/30 shoplifting crimes recorded by the police within 1 km of these stores in Aug to Oct 2026/),
  ).toBeVisible();
});

test('deleting the imports (after confirming) removes the layer again', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/context');
  const rows = page.getByRole('table', { name: /Imported police\.uk/ }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
  await page
    .getByRole('button', { name: `Delete ${FILE_NAME}` })
    .first()
    .click();
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: `Delete ${FILE_NAME}` }).click();
  await expect(page.getByText('No police data yet')).toBeVisible();
  expect(asked).toEqual([
    `Delete "${FILE_NAME}"? The 0 crimes it added will no longer show on Insights. You can import the file again later.`,
    `Delete "${FILE_NAME}"? The 78 crimes it added will no longer show on Insights. You can import the file again later.`,
  ]);

  await openInsights(page);
  await expect(page.getByLabel('Police-recorded shoplifting')).toHaveCount(0);
  await expect(storeTable(page).getByText(COLUMN)).toHaveCount(0);
});
