import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { canAccessStore, homePath, storeScope } from '@/lib/auth/permissions';
import { roomsFor } from '@/lib/realtime/rooms';

const base: Actor = { id: 'u1', email: 'x@y', name: 'X', roles: [], memberships: [], stores: [], globalRoles: [] };
const store = (id: string, roles: Actor['roles']) => ({ id, code: id.toUpperCase(), regionId: 'r1', roles });

describe('permissions', () => {
  it('a colleague reaches only their own store, and only as a colleague', () => {
    const colleague: Actor = { ...base, roles: ['colleague'], stores: [store('s1', ['colleague'])] };
    expect(canAccessStore(colleague, 's1', ['colleague'])).toBe(true);
    expect(canAccessStore(colleague, 's2', ['colleague'])).toBe(false);
    expect(canAccessStore(colleague, 's1', ['security', 'store_manager'])).toBe(false);
    expect(homePath(colleague)).toBe('/report');
  });

  it('an all-scope admin reaches every store', () => {
    const admin: Actor = { ...base, roles: ['admin'], globalRoles: ['admin'] };
    expect(storeScope(admin, ['admin'])).toEqual({ all: true });
    expect(homePath(admin)).toBe('/admin');
  });

  it('sends each role to its home', () => {
    expect(homePath({ ...base, roles: ['security'], stores: [store('s1', ['security'])] })).toBe('/stores/S1');
    expect(homePath({ ...base, roles: ['regional_manager'] })).toBe('/insights');
    expect(homePath({ ...base, roles: ['investigator'] })).toBe('/cases');
    expect(homePath(base)).toBe('/no-access');
  });

  it('joins sockets to the user, store and region rooms of their scopes', () => {
    const regional: Actor = {
      ...base,
      roles: ['regional_manager'],
      memberships: [{ role: 'regional_manager', scopeType: 'region', regionId: 'r1', regionCode: 'R', regionName: 'R', storeId: null, storeCode: null, storeName: null }],
      stores: [store('s1', ['regional_manager']), store('s2', ['regional_manager'])],
    };
    expect(roomsFor(regional).sort()).toEqual(['region:r1', 'store:s1', 'store:s2', 'user:u1']);
  });

  it("keeps a colleague out of the store's live alert feed: only their own room", () => {
    const colleague: Actor = { ...base, roles: ['colleague'], stores: [store('s1', ['colleague'])] };
    expect(roomsFor(colleague)).toEqual(['user:u1']);
  });
});
