// Runs the access matrix (tests/e2e/access-matrix.ts): every session entry point, for
// every demo role and for no session, against the running app.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { type APIRequestContext, request } from '@playwright/test';
import { expect, test } from './fixtures';
import postgres from 'postgres';
import { apiSession, connectSocket, createDeviceWithCli } from './helpers';
import { type CallContext, type Fixtures, HOME, OTHER, sessionEntries, WHO } from './access-matrix';

test.describe.configure({ mode: 'serial' });

let fixtures: Fixtures;

/** Server action ids by `file#exportedName`, from the production build this suite runs against. */
function actionIds(): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, id]));
}

function callContext(
  baseURL: string,
  api: APIRequestContext,
  cookie: string | null,
  ids: Map<string, string>,
): CallContext {
  return {
    api,
    f: fixtures,
    // React encodes (prevState, formData) as multipart: the FormData's fields prefixed `_1_`, and field 0 the argument list.
    action: async (page, ref, fields) => {
      const id = ids.get(ref);
      if (!id) throw new Error(`No server action ${ref} in the build`);
      const form = new FormData();
      for (const [k, v] of fields) form.append(`_1_${k}`, v);
      form.append('0', '[null,"$K1"]');
      const res = await api.post(page, {
        multipart: form,
        headers: { 'Next-Action': id, Accept: 'text/x-component' },
        maxRedirects: 0,
      });
      const text = await res.text();
      const code = /"code":"(\w+)"/.exec(text)?.[1];
      if (code === 'forbidden') return 403;
      if (code === 'unauthenticated') return 401;
      if (!/"ok":(true|false)/.test(text))
        throw new Error(`${ref} answered ${res.status()} without a result: ${text.slice(0, 300)}`);
      return 200;
    },
    socket: async () =>
      cookie ? connectSocket(baseURL, cookie).catch(() => null) : connectSocket(baseURL).catch(() => null),
  };
}

test.beforeAll(async ({ baseURL }) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const alertAt = async (code: string) =>
      (
        await sql<
          { id: string }[]
        >`select a.id from alert a join store s on s.id = a.store_id where s.code = ${code} order by a.created_at desc limit 1`
      )[0]!.id;
    const incidentAt = async (code: string) =>
      (
        await sql<
          { id: string; ref: string }[]
        >`select i.id, i.ref from incident i join store s on s.id = i.store_id where s.code = ${code} order by i.created_at desc limit 1`
      )[0]!;
    // A report of violence makes a wellbeing check-in for the store's managers.
    const { api } = await apiSession(baseURL!, 'colleague');
    const created = await api.post('/api/incidents', {
      data: { store: HOME, type: 'violence_against_staff', description: 'Access matrix fixture' },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(created.status()).toBe(201);
    const { id: incidentId } = (await created.json()) as { id: string };
    const [check] = await sql<{ id: string }[]>`select id from wellbeing_check where incident_id = ${incidentId}`;
    const home = await incidentAt(HOME);
    fixtures = {
      homeAlertId: await alertAt(HOME),
      otherAlertId: await alertAt(OTHER),
      homeIncidentId: home.id,
      homeIncidentRef: home.ref,
      otherIncidentId: (await incidentAt(OTHER)).id,
      homeWellbeingCheckId: check!.id,
      homeDeviceId: createDeviceWithCli(HOME, 'camera').id,
    };
  } finally {
    await sql.end();
  }
});

const size = sessionEntries.reduce((n, e) => n + e.cases.length, 0);

for (const who of WHO) {
  test(`access matrix: ${who}`, async ({ baseURL }) => {
    const { api, cookie } = await apiSession(baseURL!, who);
    const c = callContext(baseURL!, api, cookie, actionIds());
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    const i = WHO.indexOf(who);
    for (const entry of sessionEntries) {
      for (const kase of entry.cases) {
        const key = `${entry.entry} · ${kase.name}`;
        const s = await kase.call(c);
        got[key] = s === 403 ? 'F' : s === 401 ? `401` : 'A';
        want[key] = kase.expect[i]!;
      }
    }
    expect(got).toEqual(want);
    await api.dispose();
  });
}

test('access matrix: no session', async ({ baseURL }) => {
  const api = await request.newContext({ baseURL });
  const c = callContext(baseURL!, api, null, actionIds());
  const got: Record<string, number | string> = {};
  for (const entry of sessionEntries) {
    for (const kase of entry.cases) {
      const s = await kase.call(c);
      // Pages send the visitor to sign-in; everything else answers 401.
      got[`${entry.entry} · ${kase.name}`] = entry.entry.startsWith('page ') && s >= 300 && s < 400 ? 'sign-in' : s;
    }
  }
  expect(got).toEqual(
    Object.fromEntries(
      sessionEntries.flatMap((e) =>
        e.cases.map((k) => [`${e.entry} · ${k.name}`, e.entry.startsWith('page ') ? 'sign-in' : 401]),
      ),
    ),
  );
  await api.dispose();
  console.log(
    `access matrix: ${sessionEntries.length} session entry points, ${size} cases × ${WHO.length + 1} callers = ${size * (WHO.length + 1)} checks`,
  );
});
