// Process-level tests: a second web process on the same database, a worker-style
// emit through PostgreSQL, and a cold start on the embedded database.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { apiSession, connectSocket as connect, HOME_STORE, OTHER_STORE } from './helpers';
import { startProcess, stop, waitForHealth } from './processes';
import { expect, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const databaseUrl = process.env.E2E_DATABASE_URL!;

const nextEvent = <T>(socket: Socket, event: string, timeoutMs = 5000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

test('two web processes on one database share socket.io rooms', async ({ baseURL }) => {
  const secondPort = 3101;
  const second = startProcess(['server.ts'], {
    DATABASE_URL: databaseUrl,
    PORT: String(secondPort),
    NODE_ENV: 'production',
  });
  const secondUrl = `http://127.0.0.1:${secondPort}`;
  try {
    await waitForHealth(secondUrl, 60_000);
    const { cookie } = await apiSession(baseURL!, 'security');
    const socket = await connect(secondUrl, cookie);
    try {
      // 1. An incident reported through the first process reaches a client of the second.
      const { api } = await apiSession(baseURL!, 'colleague');
      const received = nextEvent<{
        id: string;
        storeCode: string;
        severity: string;
        status: string;
        createdAt: string;
      }>(socket, 'incident:new');
      const res = await api.post('/api/incidents', {
        data: { store: HOME_STORE, type: 'theft' },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(res.status()).toBe(201);
      const created = (await res.json()) as { id: string };
      const event = await received;
      expect(event).toMatchObject({ id: created.id, storeCode: HOME_STORE, status: 'reported' });
      expect(event.severity).toBeTruthy();
      expect(Date.parse(event.createdAt)).not.toBeNaN();

      // 2. A separate process emitting through PostgreSQL (as workers do) reaches it too,
      //    but only for its own store's rooms.
      const seen: string[] = [];
      socket.on('alert:new', (p: { id: string }) => seen.push(p.id));
      const emit = (storeCode: string, id: string) =>
        new Promise<void>((resolve, reject) => {
          const child = startProcess(['tests/support/emit-from-worker.ts', storeCode, 'alert:new', id], {
            DATABASE_URL: databaseUrl,
          });
          child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`emitter exited ${code}`))));
        });
      await emit(OTHER_STORE, 'not-mine');
      const mine = nextEvent<{ id: string }>(socket, 'alert:new');
      await emit(HOME_STORE, 'mine');
      expect((await mine).id).toBe('mine');
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual(['mine']);

      // 3. A reconnecting console can ask what it missed.
      const missed = await socket
        .timeout(5000)
        .emitWithAck('alerts:since', { after: new Date(Date.now() - 3600_000).toISOString() });
      expect(missed).toMatchObject({ ok: true });
    } finally {
      socket.close();
    }
  } finally {
    await stop(second);
  }
});

test('a socket without a session is refused', async ({ baseURL }) => {
  await expect(connect(baseURL!)).rejects.toThrow('unauthenticated');
});

test('with no DATABASE_URL, npm start runs on the embedded PostgreSQL and stops cleanly', async () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-embedded-'));
  const port = 3190;
  const env = { DATABASE_URL: '', VIGIL_DATA_DIR: dataDir, PORT: String(port), VIGIL_MQTT_PORT: '1886', MQTT_URL: '' };
  const app = startProcess(['scripts/start.ts'], env);
  try {
    const health = await waitForHealth(`http://127.0.0.1:${port}`, 150_000);
    expect(health).toMatchObject({ status: 'ok', db: 'ok' });
    const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-pg.json'), 'utf8')) as { port: number };
    expect(state.port).toBeGreaterThan(0);
  } finally {
    expect(await stop(app, 'SIGINT')).toBe(0);
  }
  // The embedded server is gone with it.
  const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-pg.json'), 'utf8')) as { port: number };
  const stillUp = await fetch(`http://127.0.0.1:${state.port}`).then(
    () => true,
    (e: Error & { cause?: { code?: string } }) => e.cause?.code !== 'ECONNREFUSED',
  );
  expect(stillUp).toBe(false);
  const cluster = fs.realpathSync(path.join(dataDir, 'pg'));
  fs.rmSync(cluster, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});
