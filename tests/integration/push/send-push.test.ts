import { createECDH, createDecipheriv, createPublicKey, hkdfSync, randomBytes, randomUUID, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushSubscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { env } from '@/lib/env';
import { pushConfigured, pushToUsers, type PushMessage } from '@/lib/push/send-push';
import { HOME_STORE, db } from '../../support/fixtures';
import { freshPerson } from '../../support/staff';

type Received = { method: string; path: string; headers: http.IncomingHttpHeaders; body: Buffer };

// A push service on 127.0.0.1: /ok/* accepts (201), /gone/* says the subscription is gone (410),
// /broken/* fails (500). It records what it was sent.
const received: Received[] = [];
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
    res.statusCode = req.url?.startsWith('/ok/') ? 201 : req.url?.startsWith('/gone/') ? 410 : 500;
    res.end();
  });
});
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

/**
 * Stored directly: the stub push service is on 127.0.0.1, an endpoint savePushSubscription
 * refuses (its rules are tested in save-push-subscription.test.ts).
 */
const subscribe = (actor: Actor, endpoint: string, keys: { p256dh: string; auth: string }) =>
  db().insert(pushSubscriptions).values({ userId: actor.id, endpoint, p256dh: keys.p256dh, auth: keys.auth });

/** A browser's side of a subscription: its ECDH key pair and auth secret, as the Push API makes them. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
}

/** Decrypts an aes128gcm web push body (RFC 8291 / RFC 8188) the way the browser would. */
function decrypt(body: Buffer, browser: ReturnType<typeof browserKeys>): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const serverPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  const shared = browser.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browser.ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, browser.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // Last record: the content, then a 0x02 delimiter, then zero padding.
  const end = padded.lastIndexOf(2);
  return padded.subarray(0, end).toString('utf8');
}

/** Checks `vapid t=<JWT>, k=<key>` as a push service would: ES256 over the header and claims, with the key sent. */
function vapidClaims(authorization: string | undefined): Record<string, unknown> {
  const m = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
  if (!m) throw new Error(`Not a VAPID Authorization header: ${authorization}`);
  const [, header, claims, signature, k] = m as unknown as [string, string, string, string, string];
  expect(k).toBe(env.VAPID_PUBLIC_KEY);
  const raw = Buffer.from(k, 'base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') }, format: 'jwk' });
  const ok = verify('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  expect(ok).toBe(true);
  return JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
}

const message: PushMessage = { title: 'Your report INC-2026-000001: Triaged', body: 'Thanks, we are on it.', url: '/my-reports', tag: 'incident-x' };
const subscriptionsOf = (userId: string) => db().select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));

describe('pushToUsers', () => {
  it('has VAPID keys to sign with (generated into .env.local, which the test setup loads)', () => {
    expect(env.VAPID_PUBLIC_KEY).toBeTruthy();
    expect(env.VAPID_PRIVATE_KEY).toBeTruthy();
    expect(pushConfigured()).toBe(true);
  });

  it('delivers an encrypted, VAPID-signed message that only the person’s browser can read', async () => {
    const { actor } = await freshPerson(HOME_STORE);
    const browser = browserKeys();
    const path = `/ok/${randomUUID()}`;
    await subscribe(actor, `${origin}${path}`, browser.keys);

    expect(await pushToUsers(db(), [actor.id], message)).toEqual({ sent: 1, failed: 0 });
    const delivered = received.filter((r) => r.path === path);
    expect(delivered).toHaveLength(1);
    const [req] = delivered;
    expect(req!.method).toBe('POST');
    expect(req!.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(req!.headers.ttl)).toBeGreaterThan(0);
    expect(req!.body.includes(Buffer.from(message.title))).toBe(false);
    expect(JSON.parse(decrypt(req!.body, browser))).toEqual(message);

    const claims = vapidClaims(req!.headers.authorization);
    expect(claims.aud).toBe(origin);
    expect(claims.sub).toBe(env.VAPID_SUBJECT);
    expect(Number(claims.exp) * 1000).toBeGreaterThan(Date.now());
  });

  it('delivers to every browser of every person named, and to nobody else', async () => {
    const [a, b, bystander] = await Promise.all([freshPerson(HOME_STORE), freshPerson(HOME_STORE), freshPerson(HOME_STORE)]);
    const paths = { a1: `/ok/${randomUUID()}`, a2: `/ok/${randomUUID()}`, b: `/ok/${randomUUID()}`, bystander: `/ok/${randomUUID()}` };
    await subscribe(a.actor, `${origin}${paths.a1}`, browserKeys().keys);
    await subscribe(a.actor, `${origin}${paths.a2}`, browserKeys().keys);
    await subscribe(b.actor, `${origin}${paths.b}`, browserKeys().keys);
    await subscribe(bystander.actor, `${origin}${paths.bystander}`, browserKeys().keys);

    expect(await pushToUsers(db(), [a.actor.id, b.actor.id], message)).toEqual({ sent: 3, failed: 0 });
    const hit = new Set(received.map((r) => r.path));
    expect([paths.a1, paths.a2, paths.b].every((p) => hit.has(p))).toBe(true);
    expect(hit.has(paths.bystander)).toBe(false);
  });

  it('forgets a subscription the push service says is gone (410), and keeps one that failed for another reason', async () => {
    const [gone, broken] = await Promise.all([freshPerson(HOME_STORE), freshPerson(HOME_STORE)]);
    await subscribe(gone.actor, `${origin}/gone/${randomUUID()}`, browserKeys().keys);
    await subscribe(broken.actor, `${origin}/broken/${randomUUID()}`, browserKeys().keys);

    expect(await pushToUsers(db(), [gone.actor.id, broken.actor.id], message)).toEqual({ sent: 0, failed: 2 });
    expect(await subscriptionsOf(gone.actor.id)).toHaveLength(0);
    expect(await subscriptionsOf(broken.actor.id)).toHaveLength(1);
  });

  it('never throws when a push service cannot be reached', async () => {
    const { actor } = await freshPerson(HOME_STORE);
    // Port 9 (discard) on this machine: nothing listens, the connection is refused.
    await subscribe(actor, `http://127.0.0.1:9/ok/${randomUUID()}`, browserKeys().keys);
    expect(await pushToUsers(db(), [actor.id], message)).toEqual({ sent: 0, failed: 1 });
    expect(await subscriptionsOf(actor.id)).toHaveLength(1);
  });

  it('does nothing for nobody, or for someone without a subscription', async () => {
    const { actor } = await freshPerson(HOME_STORE);
    expect(await pushToUsers(db(), [], message)).toEqual({ sent: 0, failed: 0 });
    expect(await pushToUsers(db(), [actor.id], message)).toEqual({ sent: 0, failed: 0 });
  });
});
