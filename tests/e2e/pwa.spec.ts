// The colleague's phone app: reports made offline survive a reload and arrive exactly
// once, with their photos intact; panic reaches security live; status changes come
// back to the reporter (and to their push endpoint); bad input stores nothing.
import { createECDH, createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import postgres from 'postgres';
import { CHROMIUM_ARGS, E2E_PUSH_STUB_PORT } from '../../playwright.config';
import { apiSession, connectSocket, expectNoSeriousA11yViolations, signIn, signInThroughForm } from './helpers';
import { expect, test, watchContext } from './fixtures';

const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
const count = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;
test.afterAll(async () => sql.end());

const PHONE = { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true };
const PHOTO = path.join('public', 'icons', 'icon-512.png');

async function phoneAs(ctx: BrowserContext, local: string): Promise<Page> {
  const page = await ctx.newPage();
  await signIn(page, local);
  await page.goto('/report');
  // Offline reporting needs the service worker in charge of the page.
  // (The first visit installs it, precaching the app shell, which takes a moment on a busy machine.)
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 15_000 });
  return page;
}

async function fillReport(page: Page, type: string, description: string, photo = false) {
  await page.getByText(type, { exact: true }).click();
  await page.getByLabel('Anything else? (optional)').fill(description);
  if (photo) {
    await page.locator('input[type=file]').setInputFiles(PHOTO);
    await expect(page.getByRole('img', { name: 'Photo 1' })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Send report' }).click();
}

test('offline reports are kept through a reload and arrive exactly once, photo intact', async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext(PHONE);
  const page = await phoneAs(ctx, 'colleague');
  const marker = `offline-${randomUUID().slice(0, 8)}`;

  await ctx.setOffline(true);
  await fillReport(page, 'Theft', `${marker} 1`, true);
  await expect(page.getByText('Saved on this phone, will send when online')).toBeVisible();
  for (const [i, type] of [
    [2, 'Threats or abuse'],
    [3, 'Criminal damage'],
  ] as const) {
    await page.getByRole('button', { name: 'Report something else' }).click();
    await fillReport(page, type, `${marker} ${i}`);
    await expect(page.getByText('Saved on this phone, will send when online')).toBeVisible();
  }
  await page.reload();
  await expect(page.getByTestId('outbox-pending')).toContainText('3 reports waiting to send');
  expect(await count(sql`select count(*)::int as n from incident where description like ${marker + '%'}`)).toBe(0);

  await ctx.setOffline(false);
  await expect(page.getByTestId('outbox-pending')).toHaveCount(0, { timeout: 20_000 });
  const rows = await sql<{ id: string; description: string; idempotency_key: string }[]>`
    select id, description, idempotency_key from incident where description like ${marker + '%'} order by description`;
  expect(rows.map((r) => r.description)).toEqual([`${marker} 1`, `${marker} 2`, `${marker} 3`]);

  // The photo: stored once, and the file on disk hashes to what the phone computed.
  const evidence = await sql<
    { sha256: string; storage_key: string; mime: string }[]
  >`select sha256, storage_key, mime from evidence where incident_id = ${rows[0]!.id}`;
  expect(evidence).toHaveLength(1);
  expect(evidence[0]!.mime).toBe('image/jpeg');
  const stored = fs.readFileSync(path.join('.data', 'evidence', evidence[0]!.storage_key));
  expect(createHash('sha256').update(stored).digest('hex')).toBe(evidence[0]!.sha256);

  // Replaying a delivered request again changes nothing.
  const { api } = await apiSession(baseURL!, 'colleague');
  const again = await api.post('/api/incidents', {
    data: { store: 'MCR01', type: 'criminal_damage', description: `${marker} 3` },
    headers: { 'Idempotency-Key': rows[2]!.idempotency_key },
  });
  expect(again.status()).toBe(200);
  expect(await count(sql`select count(*)::int as n from incident where description like ${marker + '%'}`)).toBe(3);
  await ctx.close();
});

/** What the service worker keeps for other accounts (out of the queue, never sent as the person signed in). */
const heldCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e: MessageEvent<{ held: unknown[] }>) => resolve(e.data.held.length);
        navigator.serviceWorker.controller!.postMessage({ type: 'outbox:status' }, [channel.port2]);
      }),
  );

test('after working offline, Cache Storage holds no page with the person’s name, email or report', async ({ browser }) => {
  const ctx = await browser.newContext(PHONE);
  const page = await phoneAs(ctx, 'colleague');
  const [me] = await sql<{ name: string; email: string }[]>`select name, email from app_user where email = 'colleague@demo.vigil'`;
  const marker = `private-${randomUUID().slice(0, 8)}`;
  await page.goto('/my-reports');
  await page.goto('/report');

  // Offline, the report page still opens (from its data-free copy) and takes a report.
  await ctx.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Get help now' })).toBeVisible();
  await expect(page.getByText(me!.name)).toHaveCount(0);
  await fillReport(page, 'Theft', marker);
  await expect(page.getByText('Saved on this phone, will send when online')).toBeVisible();
  await ctx.setOffline(false);
  await expect(page.getByTestId('outbox-pending')).toHaveCount(0, { timeout: 20_000 });
  await page.goto('/my-reports');
  await page.goto('/report');

  const found = await page.evaluate(async (needles) => {
    const paths: string[] = [];
    const hits: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        paths.push(new URL(request.url).pathname);
        const text = await (await cache.match(request))!.text();
        for (const needle of needles) if (text.includes(needle)) hits.push(`${name} ${request.url} holds ${needle}`);
      }
    }
    return { paths, hits };
  }, [me!.name, me!.email, marker]);
  expect(found.paths).toContain('/report');
  expect(found.paths).not.toContain('/my-reports');
  expect(found.hits).toEqual([]);
  await ctx.close();
});

test('a report saved by one account is never sent as the next person to sign in, who is asked about it', async ({ browser }) => {
  test.setTimeout(120_000);
  const ctx = await browser.newContext(PHONE);
  const page = await phoneAs(ctx, 'colleague');
  const marker = `shared-${randomUUID().slice(0, 8)}`;
  const reporterOf = async (description: string) =>
    (await sql<{ email: string }[]>`select u.email from incident i join app_user u on u.id = i.reporter_id where i.description = ${description}`).map((r) => r.email);

  await ctx.setOffline(true);
  await fillReport(page, 'Theft', `${marker} kept`);
  await expect(page.getByText('Saved on this phone, will send when online')).toBeVisible();
  // The colleague's session ends on the shared phone, and the security officer signs in on it.
  await ctx.clearCookies();
  await ctx.setOffline(false);
  await signInThroughForm(page, 'security');
  await page.goto('/report');
  const prompt = page.getByTestId('outbox-other-account');
  await expect(prompt).toContainText('1 report saved on this phone by another account', { timeout: 20_000 });
  await expect.poll(() => heldCount(page), { timeout: 20_000 }).toBe(1);
  expect(await reporterOf(`${marker} kept`)).toEqual([]);
  await expectNoSeriousA11yViolations(page);
  await prompt.screenshot({ path: test.info().outputPath('other-account-prompt.png') });

  // "Send it as them": the officer signs out, the colleague signs in, and it goes as the colleague.
  await prompt.getByRole('button', { name: 'Sign out so they can send it' }).click();
  await page.waitForURL(/\/sign-in/);
  await signInThroughForm(page, 'colleague');
  await expect.poll(() => reporterOf(`${marker} kept`), { timeout: 20_000 }).toEqual(['colleague@demo.vigil']);

  // Deleting is explicit, after asking, and what is deleted is never sent.
  await page.goto('/report');
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 15_000 });
  await ctx.setOffline(true);
  await fillReport(page, 'Theft', `${marker} deleted`);
  await expect(page.getByText('Saved on this phone, will send when online')).toBeVisible();
  await ctx.clearCookies();
  await ctx.setOffline(false);
  await signInThroughForm(page, 'security');
  await page.goto('/report');
  await expect.poll(() => heldCount(page), { timeout: 20_000 }).toBe(1);
  await prompt.getByRole('button', { name: 'Delete it' }).click();
  await expect(prompt).toContainText('never sent and cannot be recovered');
  await prompt.getByRole('button', { name: 'Delete it for good' }).click();
  await expect(prompt).toHaveCount(0);
  expect(await heldCount(page)).toBe(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  await signInThroughForm(page, 'colleague');
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 15_000 });
  expect(await reporterOf(`${marker} deleted`)).toEqual([]);
  await ctx.close();
});

test('holding the panic button alerts security live within 2 s', async ({ browser, baseURL }) => {
  const { cookie } = await apiSession(baseURL!, 'security');
  const socket = await connectSocket(baseURL!, cookie);
  const ctx = await browser.newContext(PHONE);
  const page = await phoneAs(ctx, 'colleague');
  try {
    const arrived = new Promise<{ source?: string; severity: string }>((resolve) => {
      socket.on('alert:new', (a: { source?: string; severity: string }) => {
        if (a.source === 'panic') resolve(a);
      });
    });
    const button = page.getByTestId('panic-button');
    // A tap is not a panic.
    await button.click();
    await page.waitForTimeout(300);
    await expect(page.getByText('Help is on the way')).toHaveCount(0);

    const box = (await button.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await expect(button).toContainText('Keep holding');
    await page.waitForTimeout(1700);
    const pressedAt = Date.now();
    await page.mouse.up();
    const alert = await Promise.race([arrived, new Promise<null>((r) => setTimeout(() => r(null), 4000))]);
    expect(alert?.severity).toBe('critical');
    expect(Date.now() - pressedAt).toBeLessThan(2000);
    await expect(page.getByText('Help is on the way')).toBeVisible();
  } finally {
    socket.close();
    await ctx.close();
  }
});

test('a status change reaches the reporter’s My reports and their push endpoint', async ({ browser, baseURL }) => {
  const received: { headers: http.IncomingHttpHeaders; bytes: number }[] = [];
  const stub = http.createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      received.push({ headers: req.headers, bytes });
      res.writeHead(201).end();
    });
  });
  // The one origin the server is told to accept as a push service despite the rules (playwright.config.ts).
  await new Promise<void>((r) => stub.listen(E2E_PUSH_STUB_PORT, '127.0.0.1', r));
  const port = E2E_PUSH_STUB_PORT;
  try {
    const { api } = await apiSession(baseURL!, 'colleague');
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const endpoint = `http://127.0.0.1:${port}/push/${randomUUID()}`;
    const sub = await api.post('/api/push/subscriptions', {
      data: {
        endpoint,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
      },
    });
    expect(sub.status()).toBe(201);
    expect(await count(sql`select count(*)::int as n from push_subscription where endpoint = ${endpoint}`)).toBe(1);

    const description = `push-${randomUUID().slice(0, 8)}`;
    const created = await api.post('/api/incidents', {
      data: { store: 'MCR01', type: 'theft', description },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    const { ref } = (await created.json()) as { ref: string };

    const manager = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(manager, 'manager');
    await manager.goto('/stores/MCR01');
    const item = manager.getByTestId('triage-item').filter({ hasText: ref });
    await item.locator('summary').click();
    await item.getByLabel(`Move ${ref} to`).selectOption('triaged');
    await item
      .getByLabel('Message to the colleague who reported it (optional)')
      .fill('Thank you, we are checking the CCTV.');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect(manager.getByRole('status').filter({ hasText: `${ref} is now triaged` })).toBeVisible();

    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(received[0]!.headers['content-encoding']).toBe('aes128gcm');
    expect(String(received[0]!.headers.authorization)).toMatch(/^vapid t=/);

    const ctx = await browser.newContext(PHONE);
    const colleague = await ctx.newPage();
    await signIn(colleague, 'colleague');
    await colleague.goto('/my-reports');
    const report = colleague.getByTestId('my-report').filter({ hasText: ref });
    await expect(report).toContainText('Being looked at');
    await expect(report).toContainText('Thank you, we are checking the CCTV.');
    await expectNoSeriousA11yViolations(colleague);
    await ctx.close();
  } finally {
    stub.close();
  }
});

test('bad reports get a clear 4xx and store nothing', async ({ baseURL }) => {
  const { api } = await apiSession(baseURL!, 'colleague');
  const marker = `bad-${randomUUID().slice(0, 8)}`;
  const report = (extra: object = {}) =>
    JSON.stringify({ store: 'MCR01', type: 'theft', description: marker, ...extra });
  const png = fs.readFileSync(PHOTO);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const post = (multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>) =>
    api.post('/api/incidents', { multipart, headers: { 'Idempotency-Key': randomUUID() } });

  const notImage = Buffer.from('%PDF-1.4 not a photo at all');
  const r1 = await post({
    report: report(),
    photo: { name: 'x.jpg', mimeType: 'image/jpeg', buffer: notImage },
    photoSha256: sha(notImage),
  });
  expect(r1.status()).toBe(400);
  expect(((await r1.json()) as { message: string }).message).toMatch(/not a picture/);

  const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(5 * 1024 * 1024 + 10)]);
  expect(
    (
      await post({
        report: report(),
        photo: { name: 'big.jpg', mimeType: 'image/jpeg', buffer: big },
        photoSha256: sha(big),
      })
    ).status(),
  ).toBe(413);

  const r3 = await post({
    report: report(),
    photo: { name: 'p.png', mimeType: 'image/png', buffer: png },
    photoSha256: 'a'.repeat(64),
  });
  expect(r3.status()).toBe(400);
  expect(((await r3.json()) as { message: string }).message).toMatch(/checksum/);

  const r4 = await api.post('/api/incidents', {
    data: { store: 'MCR01', description: marker },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(r4.status()).toBe(400);
  expect(((await r4.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain('type');

  const r5 = await api.post('/api/incidents', {
    data: { store: 'LON01', type: 'theft', description: marker },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(r5.status()).toBe(403);

  const r6 = await api.post('/api/incidents', { data: { store: 'MCR01', type: 'theft', description: marker } });
  expect(r6.status()).toBe(400);

  expect(await count(sql`select count(*)::int as n from incident where description = ${marker}`)).toBe(0);
  const evidenceFile = path.join('.data', 'evidence', sha(png).slice(0, 2), sha(png));
  expect(fs.existsSync(evidenceFile)).toBe(false);
});

test('report, My reports and Help pass accessibility checks on a phone', async ({ browser }) => {
  const ctx = await browser.newContext(PHONE);
  const page = await phoneAs(ctx, 'colleague');
  await page.getByText('Violence against staff', { exact: true }).click();
  await expectNoSeriousA11yViolations(page);
  for (const url of ['/my-reports', '/help']) {
    await page.goto(url);
    await expectNoSeriousA11yViolations(page);
  }
  await ctx.close();
});

test('Chrome finds the app installable (manifest, icons, service worker)', async ({ baseURL, cspViolations }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-install-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, baseURL });
  watchContext(ctx, cspViolations);
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto('/sign-in');
    await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    const cdp = await ctx.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
