// Sockets hear exactly what the same person may read over HTTP, and stop hearing it
// when access is taken away after the handshake.
import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import postgres from 'postgres';
import { io, type Socket } from 'socket.io-client';
import { apiSession, apiSessionAs, connectSocket, createDeviceWithCli, createUserWithCli, HOME_STORE } from './helpers';

test.describe.configure({ mode: 'serial' });

const ROLES = ['colleague', 'security', 'manager', 'regional', 'investigator', 'dpo', 'admin'] as const;
/** Who may GET /api/alerts?store=MCR01 (tests/e2e/access.spec.ts) is who hears its alerts live. */
const HEARS_ALERTS: Record<(typeof ROLES)[number], boolean> = {
  colleague: false,
  security: true,
  manager: true,
  regional: true,
  investigator: false,
  dpo: false,
  admin: true,
};

const sql = () => postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });

function disconnected(socket: Socket, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.disconnected) return resolve();
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

test('every role hears a panic at MCR01 live only if it may read that store’s alerts over HTTP', async ({
  baseURL,
}) => {
  const sockets: Record<string, Socket> = {};
  const heard: Record<string, string[]> = {};
  try {
    for (const role of ROLES) {
      const { api, cookie } = await apiSession(baseURL!, role);
      // The HTTP answer for the same person, so the two can never drift apart unnoticed.
      const http = (await api.get(`/api/alerts?store=${HOME_STORE}`)).status();
      expect(http, role).toBe(HEARS_ALERTS[role] ? 200 : 403);
      sockets[role] = await connectSocket(baseURL!, cookie);
      heard[role] = [];
      sockets[role].on('alert:new', (a: { id: string }) => heard[role]!.push(a.id));
    }
    const { api } = await apiSession(baseURL!, 'colleague');
    const res = await api.post('/api/panic', {
      data: { store: HOME_STORE },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(res.status()).toBe(202);

    // The security officer's copy arrives; then one more round trip on every socket
    // proves the others had their chance to receive it too.
    await expect.poll(() => heard.security!.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => heard.admin!.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await Promise.all(
      ROLES.map((role) =>
        sockets[role]!.timeout(5000).emitWithAck('alerts:since', { after: new Date().toISOString() }),
      ),
    );
    const got = Object.fromEntries(ROLES.map((role) => [role, heard[role]!.length > 0]));
    expect(got).toEqual(HEARS_ALERTS);
  } finally {
    for (const s of Object.values(sockets)) s.close();
  }
});

test('a socket from another site’s page is refused, even with a valid session cookie', async ({ baseURL }) => {
  const { cookie } = await apiSession(baseURL!, 'security');
  await expect(
    new Promise<Socket>((resolve, reject) => {
      const socket = io(baseURL!, {
        transports: ['websocket'],
        extraHeaders: { cookie, origin: 'https://evil.example' },
        reconnection: false,
      });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    }),
  ).rejects.toThrow();
  const same = await new Promise<Socket>((resolve, reject) => {
    const socket = io(baseURL!, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: baseURL! },
      reconnection: false,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
  same.close();
});

test('alerts:since is rate limited per socket', async ({ baseURL }) => {
  const { cookie } = await apiSession(baseURL!, 'security');
  const socket = await connectSocket(baseURL!, cookie);
  try {
    const replies = await Promise.all(
      Array.from(
        { length: 25 },
        () =>
          socket.timeout(10_000).emitWithAck('alerts:since', { after: new Date().toISOString() }) as Promise<{
            ok: boolean;
            error?: string;
          }>,
      ),
    );
    expect(replies.filter((r) => r.ok).length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.error === 'rate_limited').length).toBeGreaterThan(0);
  } finally {
    socket.close();
  }
});

test('a disabled account, a removed membership, a signed-out session and a revoked kiosk lose their sockets within seconds', async ({
  baseURL,
}) => {
  const db = sql();
  // A security officer of their own, so taking their access away disturbs no other test.
  const officer = createUserWithCli('security', ['--store', HOME_STORE]);
  const { cookie } = await apiSessionAs(baseURL!, officer.email, officer.password, null);
  const socket = await connectSocket(baseURL!, cookie);
  try {
    // Membership removed: the socket stays (the account is fine) but hears nothing of the store.
    await db`delete from membership where user_id = ${officer.id}`;
    const heard: string[] = [];
    socket.on('alert:new', (a: { id: string }) => heard.push(a.id));
    await new Promise((r) => setTimeout(r, 7000)); // longer than the 5 s recheck
    const { api } = await apiSession(baseURL!, 'colleague');
    const admin = await connectSocket(baseURL!, (await apiSession(baseURL!, 'admin')).cookie);
    const adminHeard = new Promise((resolve) => admin.once('alert:new', resolve));
    expect(
      (
        await api.post('/api/panic', { data: { store: HOME_STORE }, headers: { 'Idempotency-Key': randomUUID() } })
      ).status(),
    ).toBe(202);
    await adminHeard; // the sentinel: the alert has reached a socket that does hear the store
    await admin.timeout(5000).emitWithAck('alerts:since', { after: new Date().toISOString() });
    admin.close();
    expect(heard).toEqual([]);

    // Account disabled: cut off.
    await db`update app_user set status = 'disabled' where id = ${officer.id}`;
    await disconnected(socket, 10_000);
  } finally {
    socket.close();
  }

  // Signed out: that session's socket is cut off.
  const colleague = createUserWithCli('colleague', ['--store', HOME_STORE]);
  const session = await apiSessionAs(baseURL!, colleague.email, colleague.password, null);
  const colleagueSocket = await connectSocket(baseURL!, session.cookie);
  try {
    const { csrfToken } = (await (await session.api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    expect((await session.api.post('/api/auth/signout', { form: { csrfToken }, maxRedirects: 0 })).status()).toBe(302);
    await disconnected(colleagueSocket, 10_000);
    // …and the same cookie opens no new socket either.
    await expect(connectSocket(baseURL!, session.cookie)).rejects.toThrow();
  } finally {
    colleagueSocket.close();
  }

  // Kiosk revoked: its alert-banner socket is cut off.
  const kiosk = createDeviceWithCli(HOME_STORE, 'kiosk');
  const kioskSocket = await connectSocket(baseURL!, `vigil_kiosk=${encodeURIComponent(kiosk.apiKey)}`);
  try {
    await db`update device set status = 'revoked' where id = ${kiosk.id}`;
    await disconnected(kioskSocket, 10_000);
  } finally {
    kioskSocket.close();
    await db.end();
  }
});
