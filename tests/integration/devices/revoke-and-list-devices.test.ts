import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, devices } from '@/db/schema';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { authenticateDevice } from '@/lib/devices/authenticate-device';
import { createDevice } from '@/lib/devices/create-device';
import { listDevices } from '@/lib/devices/list-devices';
import { revokeDevice } from '@/lib/devices/revoke-device';
import { Forbidden, NotFound, Unauthenticated } from '@/lib/errors';
import { actorFor, db, HOME_STORE, OTHER_STORE } from '../../support/fixtures';

describe('revokeDevice', () => {
  it('stops the key working at once, audits it once, and is harmless twice', async () => {
    const manager = await actorFor('manager');
    const { id, apiKey } = await createDevice(db(), CLI_OPERATOR, {
      store: HOME_STORE,
      kind: 'sensor',
      vendor: 'revoke-test',
    });
    await expect(authenticateDevice(db(), `Bearer ${apiKey}`)).resolves.toMatchObject({ id });
    expect(await revokeDevice(db(), manager, { id })).toEqual({ id, revoked: true });
    await expect(authenticateDevice(db(), `Bearer ${apiKey}`)).rejects.toBeInstanceOf(Unauthenticated);
    expect(await revokeDevice(db(), manager, { id })).toEqual({ id, revoked: false });
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.filter((a) => a.action === 'device.revoke')).toHaveLength(1);
  });

  it("refuses a manager another store's device and leaves it working", async () => {
    const manager = await actorFor('manager');
    const { id } = await createDevice(db(), CLI_OPERATOR, {
      store: OTHER_STORE,
      kind: 'sensor',
      vendor: 'revoke-test',
    });
    await expect(revokeDevice(db(), manager, { id })).rejects.toBeInstanceOf(Forbidden);
    await expect(revokeDevice(db(), await actorFor('security'), { id })).rejects.toBeInstanceOf(Forbidden);
    const [row] = await db().select({ status: devices.status }).from(devices).where(eq(devices.id, id));
    expect(row!.status).toBe('active');
    await expect(revokeDevice(db(), manager, { id: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(
      NotFound,
    );
  });
});

describe('listDevices', () => {
  it("lists the manager's store only, never a key", async () => {
    const { apiKey } = await createDevice(db(), CLI_OPERATOR, {
      store: HOME_STORE,
      kind: 'camera',
      vendor: 'list-test',
    });
    await createDevice(db(), CLI_OPERATOR, { store: OTHER_STORE, kind: 'camera', vendor: 'list-test' });
    const listed = await listDevices(db(), await actorFor('manager'));
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed.map((d) => d.storeCode))).toEqual(new Set([HOME_STORE]));
    expect(JSON.stringify(listed)).not.toContain(apiKey);
    const all = await listDevices(db(), await actorFor('admin'));
    expect(all.some((d) => d.storeCode === OTHER_STORE)).toBe(true);
  });

  it('refuses roles that do not manage devices', async () => {
    for (const who of ['colleague', 'security', 'regional', 'investigator', 'dpo']) {
      await expect(listDevices(db(), await actorFor(who)), who).rejects.toBeInstanceOf(Forbidden);
    }
  });
});
