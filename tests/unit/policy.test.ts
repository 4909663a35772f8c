import { describe, expect, it } from 'vitest';
import type { Actor, Membership } from '@/lib/auth/actor';
import { ACTIONS, can, homePath, ownOnly, POLICY, scopeFor } from '@/lib/auth/policy';
import { ROLES } from '@/lib/domain/enums';
import { roomsFor } from '@/lib/realtime/rooms';

const base: Actor = { id: 'u1', email: 'x@y', name: 'X', roles: [], memberships: [], stores: [], globalRoles: [] };
const store = (id: string, roles: Actor['roles']) => ({ id, code: id.toUpperCase(), regionId: 'r1', roles });
const regionMembership = (role: Membership['role']): Membership => ({
  role,
  scopeType: 'region',
  regionId: 'r1',
  regionCode: 'R',
  regionName: 'R',
  storeId: null,
  storeCode: null,
  storeName: null,
});
const allMembership = (role: Membership['role']): Membership => ({
  ...regionMembership(role),
  scopeType: 'all',
  regionId: null,
});

const colleague: Actor = { ...base, roles: ['colleague'], stores: [store('s1', ['colleague'])] };
const regional: Actor = {
  ...base,
  roles: ['regional_manager'],
  memberships: [regionMembership('regional_manager')],
  stores: [store('s1', ['regional_manager']), store('s2', ['regional_manager'])],
};
const investigator: Actor = {
  ...base,
  roles: ['investigator'],
  memberships: [regionMembership('investigator')],
  stores: [store('s1', ['investigator']), store('s2', ['investigator'])],
};
const dpo: Actor = { ...base, roles: ['dpo'], memberships: [allMembership('dpo')], globalRoles: ['dpo'] };
const admin: Actor = { ...base, roles: ['admin'], memberships: [allMembership('admin')], globalRoles: ['admin'] };

describe('access policy', () => {
  it('a colleague reports at their own store only and reads only their own reports', () => {
    expect(can(colleague, 'incident.report', { storeId: 's1' })).toBe(true);
    expect(can(colleague, 'incident.report', { storeId: 's2' })).toBe(false);
    expect(can(colleague, 'alert.read', { storeId: 's1' })).toBe(false);
    expect(scopeFor(colleague, 'incident.read')).toEqual({ all: false, storeIds: [] });
    expect(ownOnly(colleague, 'incident.read')).toBe(true);
    expect(homePath(colleague)).toBe('/report');
  });

  it('an all-scope admin reaches every store; chain-wide actions need that scope', () => {
    expect(scopeFor(admin, 'alert.read')).toEqual({ all: true });
    expect(can(admin, 'context.manage')).toBe(true);
    const regionAdmin: Actor = {
      ...admin,
      globalRoles: [],
      memberships: [regionMembership('admin')],
      stores: [store('s1', ['admin'])],
    };
    expect(can(regionAdmin, 'context.manage')).toBe(false);
    expect(can(regionAdmin, 'alert.read', { storeId: 's1' })).toBe(true);
    expect(homePath(admin)).toBe('/admin');
  });

  it('sends each role to its home', () => {
    expect(homePath({ ...base, roles: ['security'], stores: [store('s1', ['security'])] })).toBe('/stores/S1');
    expect(homePath(regional)).toBe('/insights');
    expect(homePath(investigator)).toBe('/cases');
    expect(homePath(base)).toBe('/no-access');
  });

  it('names only roles that exist, and every action grants someone', () => {
    for (const action of ACTIONS) {
      const rule: { roles: readonly string[]; own?: readonly string[] } = POLICY[action];
      expect(rule.roles.length, action).toBeGreaterThan(0);
      for (const r of [...rule.roles, ...(rule.own ?? [])]) expect(ROLES, action).toContain(r);
    }
  });
});

describe('socket rooms follow the policy', () => {
  it('a regional manager hears alerts and incidents of their region', () => {
    expect(roomsFor(regional).sort()).toEqual(
      [
        'alert:region:r1',
        'alert:store:s1',
        'alert:store:s2',
        'incident:region:r1',
        'incident:store:s1',
        'incident:store:s2',
        'user:u1',
      ].sort(),
    );
  });

  it("keeps a colleague out of the store's live feeds: only their own room", () => {
    expect(roomsFor(colleague)).toEqual(['user:u1']);
  });

  // Reproduced leak: GET /api/alerts answered these two 403 while their sockets got every alert:new.
  it('gives the investigator incidents of their region but no alerts', () => {
    const rooms = roomsFor(investigator);
    expect(rooms.filter((r) => r.startsWith('alert:'))).toEqual([]);
    expect(rooms).toContain('incident:region:r1');
  });

  it('gives the data protection officer no live alert or incident feed', () => {
    expect(roomsFor(dpo)).toEqual(['user:u1']);
  });

  it('gives a chain-wide admin the chain-wide rooms', () => {
    expect(roomsFor(admin).sort()).toEqual(['alert:all', 'incident:all', 'user:u1']);
  });
});
