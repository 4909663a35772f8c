import { describe, expect, it } from 'vitest';
import { listIncidents } from '@/lib/incidents/list-incidents';
import { Forbidden } from '@/lib/errors';
import { actorFor, db, HOME_STORE, OTHER_STORE } from '../../support/fixtures';

describe('listIncidents', () => {
  it('shows a colleague only their own reports', async () => {
    const colleague = await actorFor('colleague');
    const rows = await listIncidents(db(), colleague, { limit: 500 });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.storeCode === HOME_STORE)).toBe(true);
  });

  it('rejects an actor out of scope: security of one store cannot list another', async () => {
    const security = await actorFor('security');
    await expect(listIncidents(db(), security, { store: OTHER_STORE })).rejects.toBeInstanceOf(Forbidden);
    const own = await listIncidents(db(), security, { store: HOME_STORE, limit: 10 });
    expect(own).toHaveLength(10);
  });

  it('shows a regional manager their region only, and an admin everything', async () => {
    const regional = await actorFor('regional');
    const regionCodes = new Set(regional.stores.map((s) => s.code));
    const rows = await listIncidents(db(), regional, { limit: 500 });
    expect(rows.every((r) => regionCodes.has(r.storeCode))).toBe(true);
    const admin = await actorFor('admin');
    const all = await listIncidents(db(), admin, { store: OTHER_STORE, limit: 5 });
    expect(all).toHaveLength(5);
  });
});
