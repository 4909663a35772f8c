// The MAPBOX_TOKEN path of the store map, on a second web process started with a token. Mapbox's
// hosts are never reached from here: the street style is answered by the test, or refused.
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { signInThroughForm } from './helpers';
import { circlePixels } from './map-pixels';
import { startProcess, stop, waitForHealth } from './processes';
import { expect, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const port = 3102;
const url = `http://127.0.0.1:${port}`;
// A well-formed public token ("pk." + base64 JSON + signature) that Mapbox would reject: it is never sent there.
const DUMMY_TOKEN = `pk.${Buffer.from('{"u":"vigil-e2e","a":"dummy"}').toString('base64url')}.e2e`;
const STREET_STYLE = {
  version: 8,
  name: 'e2e streets',
  sources: {},
  layers: [{ id: 'land', type: 'background', paint: { 'background-color': '#eef2e6' } }],
};

let server: ChildProcess;
test.use({ baseURL: url });

test.beforeAll(async () => {
  server = startProcess(['server.ts'], {
    DATABASE_URL: process.env.E2E_DATABASE_URL!,
    PORT: String(port),
    NODE_ENV: 'production',
    VIGIL_WORKERS: '0',
    MAPBOX_TOKEN: DUMMY_TOKEN,
  });
  await waitForHealth(url, 60_000);
});

test.afterAll(async () => {
  await stop(server);
});

async function openMap(page: Page) {
  await signInThroughForm(page, 'regional');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/insights');
  const map = page.getByTestId('store-map');
  await expect(map).toBeVisible({ timeout: 30_000 });
  return map;
}

test('with MAPBOX_TOKEN set, the map is drawn by mapbox-gl in the Mapbox style, with the store circles', async ({
  page,
}) => {
  const styleRequests: string[] = [];
  await page.route(/^https:\/\/[^/]*mapbox\.com\//, (route) => {
    const requested = route.request().url();
    if (!requested.includes('/styles/v1/mapbox/streets-v12')) return route.abort();
    styleRequests.push(requested);
    return route.fulfill({ json: STREET_STYLE });
  });
  const map = await openMap(page);
  await expect(map.locator('canvas.mapboxgl-canvas')).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => circlePixels(page), { timeout: 20_000 }).toBeGreaterThan(200);
  await expect(map).toHaveAttribute('data-map-engine', 'mapbox');
  expect(styleRequests[0]).toContain(`access_token=${DUMMY_TOKEN}`);
  await map.screenshot({ path: test.info().outputPath('mapbox-map.png') });
});

test('when the Mapbox style cannot load, the offline map takes over and says why', async ({ page }) => {
  await page.route(/^https:\/\/[^/]*mapbox\.com\//, (route) => route.abort('internetdisconnected'));
  const map = await openMap(page);
  await expect(map.getByRole('status')).toContainText('The Mapbox street map could not load', { timeout: 20_000 });
  await expect(map).toHaveAttribute('data-map-engine', 'maplibre');
  await expect(map.locator('canvas.maplibregl-canvas')).toBeVisible();
  await expect.poll(() => circlePixels(page), { timeout: 20_000 }).toBeGreaterThan(200);
});
