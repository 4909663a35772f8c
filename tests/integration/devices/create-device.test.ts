import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { devices } from '@/db/schema';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { sha256Hex } from '@/lib/auth/crypto';
import { createDevice } from '@/lib/devices/create-device';
import { Conflict, Forbidden, Invalid } from '@/lib/errors';
import { actorFor, db, HOME_STORE, OTHER_STORE } from '../../support/fixtures';

describe('createDevice', () => {
  it('returns the key once and stores only its hash', async () => {
    const { id, apiKey } = await createDevice(db(), CLI_OPERATOR, { store: HOME_STORE, kind: 'camera', vendor: 'frigate', ref: 'test_cam' });
    const [row] = await db().select().from(devices).where(eq(devices.id, id));
    expect(row!.apiKeyHash).toBe(sha256Hex(apiKey));
    expect(JSON.stringify(row)).not.toContain(apiKey);
    await expect(createDevice(db(), CLI_OPERATOR, { store: HOME_STORE, kind: 'camera', vendor: 'frigate', ref: 'test_cam' })).rejects.toBeInstanceOf(Conflict);
  });

  it('rejects an actor out of scope and bad input', async () => {
    const manager = await actorFor('manager');
    await expect(createDevice(db(), manager, { store: OTHER_STORE, kind: 'sensor', vendor: 'x' })).rejects.toBeInstanceOf(Forbidden);
    await expect(createDevice(db(), manager, { store: HOME_STORE, kind: 'toaster', vendor: 'x' })).rejects.toBeInstanceOf(Invalid);
  });
});
