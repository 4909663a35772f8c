import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, pushSubscriptions } from '@/db/schema';
import { Invalid } from '@/lib/errors';
import { deletePushSubscription, savePushSubscription } from '@/lib/push/save-push-subscription';
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

  it('moves a shared browser’s subscription to whoever signed in on it last', async () => {
    const [first, second] = await Promise.all([freshPerson(HOME_STORE), freshPerson(HOME_STORE)]);
    const url = endpoint();
    await savePushSubscription(db(), first.actor, { endpoint: url, keys });
    await savePushSubscription(db(), second.actor, { endpoint: url, keys });
    const rows = await rowsFor(url);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userId).toBe(second.actor.id);
  });

  it('accepts plain http only for a push service on this machine', async () => {
    const { actor } = await freshPerson(HOME_STORE);
    for (const base of ['http://push.example.com', 'http://10.0.0.5:8080', 'ftp://push.example.com']) {
      const url = endpoint(base);
      const error = await savePushSubscription(db(), actor, { endpoint: url, keys }).catch((e: unknown) => e);
      expect(error, base).toBeInstanceOf(Invalid);
      expect((error as Invalid).issues.map((i) => i.path)).toEqual(['endpoint']);
      expect(await rowsFor(url)).toHaveLength(0);
    }
    for (const base of ['http://127.0.0.1:9', 'http://localhost:9']) {
      const url = endpoint(base);
      await savePushSubscription(db(), actor, { endpoint: url, keys });
      expect(await rowsFor(url)).toHaveLength(1);
    }
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
