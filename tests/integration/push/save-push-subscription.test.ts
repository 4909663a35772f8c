import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, pushSubscriptions } from '@/db/schema';
import { Conflict, Invalid } from '@/lib/errors';
import { deletePushSubscription, MAX_PUSH_SUBSCRIPTIONS, savePushSubscription } from '@/lib/push/save-push-subscription';
import { HOME_STORE, db } from '../../support/fixtures';
import { freshPerson } from '../../support/staff';

// Fresh people and unique endpoints: these subscriptions are never real, and the demo
// accounts get pushes from other tests.
const keys = { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) };
const endpoint = (base = 'https://push.example.invalid') => `${base}/send/${randomUUID()}`;
const rowsFor = (url: string) => db().select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, url));

describe('savePushSubscription', () => {
  it('saves a browser’s subscription for the person and audits the opt-in', async () => {
    const { actor } = await freshPerson(HOME_STORE);
    const url = endpoint();
    const { id } = await savePushSubscription(db(), actor, { endpoint: url, keys });
    expect(await rowsFor(url)).toEqual([expect.objectContaining({ id, userId: actor.id, p256dh: keys.p256dh, auth: keys.auth })]);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'push.subscribe')));
    expect(audits).toEqual([expect.objectContaining({ actorId: actor.id })]);
  });

  it('saving the same browser again updates its keys rather than adding a second row', async () => {
    const { actor } = await freshPerson(HOME_STORE);
    const url = endpoint();
    const first = await savePushSubscription(db(), actor, { endpoint: url, keys });
    const again = await savePushSubscription(db(), actor, { endpoint: url, keys: { ...keys, auth: 'b'.repeat(22) } });
    expect(again.id).toBe(first.id);
    expect(await rowsFor(url)).toEqual([expect.objectContaining({ userId: actor.id, auth: 'b'.repeat(22) })]);
  });

  it('refuses (409) a browser already registered to someone else, and keeps it with its owner', async () => {
    const [first, second] = await Promise.all([freshPerson(HOME_STORE), freshPerson(HOME_STORE)]);
    const url = endpoint();
    await savePushSubscription(db(), first.actor, { endpoint: url, keys });
    const error = await savePushSubscription(db(), second.actor, { endpoint: url, keys: { ...keys, auth: 'c'.repeat(22) } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toMatch(/another account/);
    expect(await rowsFor(url)).toEqual([expect.objectContaining({ userId: first.actor.id, auth: keys.auth })]);
  });

  it('accepts only https endpoints on a public host name', async () => {
    const { actor } = await freshPerson(HOME_STORE);
    const refused = [
      'http://push.example.com',
      'ftp://push.example.com',
      'http://127.0.0.1:9',
      'http://localhost:9',
      'https://localhost',
      'https://localhost.',
      'https://push.localhost',
      'https://printer.local',
      'https://intranet',
      'https://127.0.0.1',
      'https://2130706433',
      'https://10.0.0.5:8080',
      'https://172.16.4.4',
      'https://192.168.1.10',
      'https://169.254.169.254',
      'https://8.8.8.8',
      'https://[::1]',
      'https://[fe80::1]',
      'https://[fd00::1]',
      'https://[::ffff:127.0.0.1]',
      'https://[2001:4860:4860::8888]',
    ];
    for (const base of refused) {
      const url = endpoint(base);
      const error = await savePushSubscription(db(), actor, { endpoint: url, keys }).catch((e: unknown) => e);
      expect(error, base).toBeInstanceOf(Invalid);
      expect((error as Invalid).issues.map((i) => i.path)).toEqual(['endpoint']);
      expect(await rowsFor(url)).toHaveLength(0);
    }
    for (const base of ['https://fcm.googleapis.com', 'https://updates.push.services.mozilla.com', 'https://web.push.apple.com:443']) {
      const url = endpoint(base);
      await savePushSubscription(db(), actor, { endpoint: url, keys });
      expect(await rowsFor(url), base).toHaveLength(1);
    }
  });

  it(`keeps at most ${MAX_PUSH_SUBSCRIPTIONS} browsers per person: an 11th replaces the one registered longest ago`, async () => {
    const { actor } = await freshPerson(HOME_STORE);
    const urls = Array.from({ length: MAX_PUSH_SUBSCRIPTIONS + 1 }, () => endpoint());
    for (const url of urls.slice(0, MAX_PUSH_SUBSCRIPTIONS)) await savePushSubscription(db(), actor, { endpoint: url, keys });
    // Registering the first browser again makes it the newest, so the second is now the oldest.
    await savePushSubscription(db(), actor, { endpoint: urls[0]!, keys });
    await savePushSubscription(db(), actor, { endpoint: urls[MAX_PUSH_SUBSCRIPTIONS]!, keys });
    const mine = await db().select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, actor.id));
    expect(mine).toHaveLength(MAX_PUSH_SUBSCRIPTIONS);
    expect(mine.map((r) => r.endpoint).sort()).toEqual(urls.filter((_, i) => i !== 1).sort());
  });

  it('rejects missing or malformed keys', async () => {
    const { actor } = await freshPerson(HOME_STORE);
    await expect(savePushSubscription(db(), actor, { endpoint: endpoint() })).rejects.toBeInstanceOf(Invalid);
    await expect(savePushSubscription(db(), actor, { endpoint: endpoint(), keys: { p256dh: 'short', auth: 'x' } })).rejects.toBeInstanceOf(Invalid);
  });
});

describe('deletePushSubscription', () => {
  it('rejects an actor out of scope: nobody can unsubscribe someone else’s browser', async () => {
    const [owner, other] = await Promise.all([freshPerson(HOME_STORE), freshPerson(HOME_STORE)]);
    const url = endpoint();
    await savePushSubscription(db(), owner.actor, { endpoint: url, keys });
    expect(await deletePushSubscription(db(), other.actor, { endpoint: url })).toEqual({ deleted: false });
    expect(await rowsFor(url)).toHaveLength(1);
  });

  it('lets the owner opt out, and audits it', async () => {
    const { actor } = await freshPerson(HOME_STORE);
    const url = endpoint();
    const { id } = await savePushSubscription(db(), actor, { endpoint: url, keys });
    expect(await deletePushSubscription(db(), actor, { endpoint: url })).toEqual({ deleted: true });
    expect(await rowsFor(url)).toHaveLength(0);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'push.unsubscribe')));
    expect(audits).toEqual([expect.objectContaining({ actorId: actor.id })]);
    expect(await deletePushSubscription(db(), actor, { endpoint: url })).toEqual({ deleted: false });
  });
});
