// The console's one-tap actions beyond acknowledge/resolve: assign to a colleague,
// create an incident from an alert or link one, each seen live on a second console;
// the action timeline; scope of the new routes and socket events; the list not
// jumping under the alert in hand; and the optional sound/vibration for critical alerts.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import postgres from 'postgres';
import { apiSession, connectSocket, expectNoSeriousA11yViolations, HOME_STORE, OTHER_STORE, signIn } from './helpers';
import { expect, test } from './fixtures';

const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
test.afterAll(async () => {
  await sql.end();
});

/** An alert saved straight into the store's feed (no push), with a title no other test uses. */
async function alertAt(store: string, title: string, severity = 'high'): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into alert (store_id, title, severity, source, detail)
    select id, ${title}, ${severity}::severity, 'sensor'::alert_source, ${JSON.stringify({ reason: 'Raised by the browser tests' })}::jsonb
    from store where code = ${store}
    returning id`;
  return row!.id;
}

/** A critical alert:new with only the contract's fields, pushed through PostgreSQL as a worker would. */
function emitCritical(store: string) {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'tests/support/emit-from-worker.ts', store, 'alert:new', randomUUID()],
    {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    },
  );
}

async function openConsole(
  browser: Browser,
  local: string,
  store: string,
  init?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  if (init) await init(page);
  await signIn(page, local);
  await page.goto(`/stores/${store}`);
  await expect(page.getByTestId('connection')).toHaveText('Live');
  return page;
}

const uniqueTitle = (what: string) => `${what} ${randomUUID().slice(0, 6)}`;

test('one console assigns and creates an incident; the other sees both within 2 s, and the timeline records who and when', async ({
  browser,
}) => {
  const title = uniqueTitle('Shelf sweep');
  await alertAt(HOME_STORE, title);
  const [a, b] = await Promise.all([
    openConsole(browser, 'security', HOME_STORE),
    openConsole(browser, 'manager', HOME_STORE),
  ]);
  const [cardA, cardB] = [a, b].map((p) => p.getByTestId('alert').filter({ hasText: title }));
  await expect(cardA!).toHaveCount(1);
  await expect(cardB!).toHaveCount(1);

  await cardA!.getByLabel(`Assign ${title} to`).selectOption({ label: 'Casey Colleague' });
  await cardA!.getByRole('button', { name: `Assign ${title}`, exact: true }).click();
  await expect(cardA!.getByTestId('assignee')).toHaveText('Assigned to Casey C.');
  await expect(cardB!.getByTestId('assignee')).toHaveText('Assigned to Casey C.', { timeout: 2000 });

  await cardB!.getByRole('button', { name: `Create incident from ${title}` }).click();
  const created = cardB!.getByRole('status').filter({ hasText: 'created' });
  await expect(created).toContainText(/INC-\d{4}-\d{6} created\./);
  const ref = (await created.textContent())!.match(/INC-\d{4}-\d{6}/)![0];
  await expect(cardA!.getByTestId('incident-link')).toContainText(ref, { timeout: 2000 });
  // Once linked, the alert offers no second incident.
  await expect(cardA!.getByRole('button', { name: `Create incident from ${title}` })).toHaveCount(0);

  await cardA!.locator('summary', { hasText: 'Timeline and what triggered it' }).click();
  const timeline = cardA!.getByTestId('alert-timeline');
  await expect(timeline).toContainText('Assigned to Casey C. by Sam S.');
  await expect(timeline).toContainText(`Incident ${ref} created by Morgan M.`);

  // The new incident's entry in the triage queue, opened, with the alert on its timeline.
  await cardB!.getByRole('link', { name: 'Open it in the triage queue' }).click();
  await expect(b).toHaveURL(new RegExp(`incident=${ref}`));
  const item = b.getByTestId('triage-item').filter({ hasText: ref });
  await expect(item.getByText(`Alert linked: ${title}`)).toBeVisible();
  await expectNoSeriousA11yViolations(b);
});

test('linking an alert to an incident checks the reference and shows on the other console within 2 s', async ({
  browser,
  baseURL,
}) => {
  const title = uniqueTitle('EAS gate');
  await alertAt(HOME_STORE, title);
  const { api } = await apiSession(baseURL!, 'admin');
  const incident = async (store: string) =>
    (
      (await (
        await api.post('/api/incidents', {
          data: { store, type: 'theft' },
          headers: { 'Idempotency-Key': randomUUID() },
        })
      ).json()) as { ref: string }
    ).ref;
  const [mine, elsewhere] = [await incident(HOME_STORE), await incident(OTHER_STORE)];

  const [a, b] = await Promise.all([
    openConsole(browser, 'security', HOME_STORE),
    openConsole(browser, 'manager', HOME_STORE),
  ]);
  const [cardA, cardB] = [a, b].map((p) => p.getByTestId('alert').filter({ hasText: title }));
  const input = cardA!.getByLabel(`Incident reference to link ${title} to`);
  const link = cardA!.getByRole('button', { name: `Link to incident for ${title}` });

  await input.fill('INC-12');
  await link.click();
  await expect(cardA!.getByRole('alert')).toHaveText('Enter a reference like INC-2026-000123.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');

  await input.fill(elsewhere);
  await link.click();
  await expect(cardA!.getByRole('alert')).toContainText('at this store');

  await input.fill(mine.toLowerCase());
  await link.click();
  await expect(cardA!.getByTestId('incident-link')).toContainText(mine);
  await expect(cardB!.getByTestId('incident-link')).toContainText(mine, { timeout: 2000 });
  await api.dispose();
});

test("a security officer gets 403 on another store's console and alert routes, and never receives its socket events", async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'security');
  expect((await page.goto(`/stores/${OTHER_STORE}`))?.status()).toBe(403);

  const theirs = await alertAt(OTHER_STORE, uniqueTitle('Elsewhere'));
  const ours = await alertAt(HOME_STORE, uniqueTitle('Ours'));
  const { api: security, cookie } = await apiSession(baseURL!, 'security');
  expect((await security.get(`/api/alerts/${theirs}`)).status()).toBe(403);
  expect((await security.post(`/api/alerts/${theirs}/acknowledge`)).status()).toBe(403);
  expect((await security.post(`/api/alerts/${theirs}/assign`, { data: { userId: randomUUID() } })).status()).toBe(403);
  expect(
    (
      await security.post(`/api/alerts/${theirs}/incident`, { data: {}, headers: { 'Idempotency-Key': randomUUID() } })
    ).status(),
  ).toBe(403);
  expect(
    (await security.post(`/api/alerts/${theirs}/link`, { data: { incidentRef: 'INC-2026-000001' } })).status(),
  ).toBe(403);
  const detail = await security.get(`/api/alerts/${ours}`);
  expect(detail.status()).toBe(200);
  expect(await detail.json()).toMatchObject({ alert: { id: ours, storeCode: HOME_STORE }, actions: [] });

  const socket = await connectSocket(baseURL!, cookie);
  const { api: admin } = await apiSession(baseURL!, 'admin');
  try {
    const seen: string[] = [];
    socket.on('alert:updated', (p: { id: string }) => seen.push(p.id));
    socket.on('alert:new', (p: { id: string }) => seen.push(p.id));
    expect((await admin.post(`/api/alerts/${theirs}/acknowledge`)).status()).toBe(200);
    expect((await admin.post(`/api/alerts/${ours}/acknowledge`)).status()).toBe(200);
    await expect.poll(() => seen.includes(ours), { timeout: 2000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).not.toContain(theirs);
  } finally {
    socket.close();
    await Promise.all([security.dispose(), admin.dispose()]);
  }
});

test('the alert in hand stays put when a new alert slides in above it', async ({ browser }) => {
  const store = 'BRS01';
  const title = uniqueTitle('Held');
  await alertAt(store, title);
  const page = await openConsole(browser, 'admin', store);
  const held = page.getByTestId('alert').filter({ hasText: title });
  const before = await page.getByTestId('alert').count();
  await held.getByRole('button', { name: `Acknowledge ${title}` }).focus();
  const top = (await held.boundingBox())!.y;

  emitCritical(store);
  await expect(page.getByTestId('alert')).toHaveCount(before + 1, { timeout: 3000 });
  // The new one is first in the list…
  await expect(page.getByTestId('alert').first()).not.toContainText(title);
  // …and the one being worked on has not moved on screen.
  await expect.poll(async () => Math.abs((await held.boundingBox())!.y - top)).toBeLessThan(2);
});

test('sound and vibration for critical alerts: off by default, remembered, and used when a critical alert arrives', async ({
  browser,
}) => {
  const store = 'LEI01';
  const page = await openConsole(browser, 'admin', store, async (p) => {
    // Count vibrations instead of buzzing: headless Chromium has no vibration motor.
    await p.addInitScript(() => {
      const w = window as unknown as { __vibrations: number };
      w.__vibrations = 0;
      navigator.vibrate = () => {
        w.__vibrations += 1;
        return true;
      };
    });
  });
  const vibrations = () => page.evaluate(() => (window as unknown as { __vibrations: number }).__vibrations);
  const toggle = page.getByRole('switch', { name: 'Sound for critical alerts' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');

  const before = await page.getByTestId('alert').count();
  emitCritical(store);
  await expect(page.getByTestId('alert')).toHaveCount(before + 1, { timeout: 3000 });
  expect(await vibrations()).toBe(0);

  await toggle.click(); // plays the tone once, so people know what they will hear
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  expect(await vibrations()).toBe(1);
  await page.reload();
  await expect(page.getByTestId('connection')).toHaveText('Live');
  await expect(page.getByRole('switch', { name: 'Sound for critical alerts' })).toHaveAttribute('aria-checked', 'true');

  emitCritical(store);
  await expect.poll(vibrations, { timeout: 3000 }).toBe(1);
});
