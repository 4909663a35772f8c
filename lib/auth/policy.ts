// The one access policy: every "who may do what, where" decision in Vigil. Verbs,
// pages, route handlers, server actions, socket rooms and navigation all ask here, so
// a socket can never hear what the same person could not read over HTTP.
// SQL then filters by the store ids scopeFor() returns, never after fetching.
import { type Role, ROLES } from '@/lib/domain/enums';
import { Forbidden } from '@/lib/errors';
import type { Actor } from './actor';

type Rule = {
  /** Roles that grant the action over the stores where they are held. */
  roles: readonly Role[];
  /** Roles that grant it only for what the actor made themselves (their own reports). */
  own?: readonly Role[];
  /** Only a chain-wide ("all") membership grants it: the data covers many stores at once. */
  chainWide?: true;
};

const STORE_STAFF = ['colleague', 'security', 'store_manager', 'regional_manager', 'admin'] as const;
const STORE_OVERSIGHT = ['security', 'store_manager', 'regional_manager', 'admin'] as const;
const MANAGERS = ['store_manager', 'regional_manager', 'admin'] as const;
const EVERYONE = ROLES;

export const POLICY = {
  /** Report an incident or press panic for a store (staff app, kiosk, API). */
  'incident.report': { roles: STORE_STAFF },
  /** Read incidents: overseers and investigators for their stores, colleagues their own reports. */
  'incident.read': { roles: [...STORE_OVERSIGHT, 'investigator'], own: ['colleague'] },
  /** Triage: move an incident through its statuses, message the reporter. */
  'incident.triage': { roles: STORE_OVERSIGHT },
  /** The staff app's screens (/report); managers above store level use the console instead. */
  'staff_app.use': { roles: ['colleague', 'security', 'store_manager'] },
  /** My reports and Help: anyone signed in. */
  'own_reports.read': { roles: EVERYONE },
  /** Read a store's live alerts (console, GET /api/alerts, socket alert events). */
  'alert.read': { roles: STORE_OVERSIGHT },
  /** Acknowledge, assign, resolve, link alerts; see response times. */
  'alert.act': { roles: STORE_OVERSIGHT },
  /** Raw device events. */
  'event.read': { roles: STORE_OVERSIGHT },
  /** The store console page. */
  'console.view': { roles: STORE_OVERSIGHT },
  /** Wellbeing check-ins after violence, threats or abuse. */
  'wellbeing.manage': { roles: MANAGERS },
  /** Insights, KPIs, maps and their CSV export. */
  'insights.read': { roles: MANAGERS },
  /** Devices: create, revoke, pair kiosks. */
  'device.manage': { roles: ['admin', 'store_manager'] },
  /** Alert rules for a store or region (chain-wide rules need rule.manage_all). */
  'rule.manage': { roles: ['admin', 'regional_manager', 'store_manager'] },
  'rule.manage_all': { roles: ['admin'], chainWide: true },
  /** Investigations: cases, subjects, evidence packs. */
  'case.read': { roles: ['investigator', 'admin'] },
  /** The admin area, people list and audit chain status. */
  'admin.view': { roles: ['admin', 'dpo'] },
  'user.read': { roles: ['admin', 'dpo'] },
  'user.create': { roles: ['admin'] },
  /** Imported police context data: one file covers a whole force area. */
  'context.manage': { roles: ['admin'], chainWide: true },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export type StoreScope = { all: true } | { all: false; storeIds: string[] };

const rule = (action: Action): Rule => POLICY[action];

/** The stores where the actor may do `action` (through store, region or chain-wide memberships). */
export function scopeFor(actor: Actor, action: Action): StoreScope {
  const { roles, chainWide } = rule(action);
  if (actor.globalRoles.some((r) => roles.includes(r))) return { all: true };
  if (chainWide) return { all: false, storeIds: [] };
  return { all: false, storeIds: actor.stores.filter((s) => s.roles.some((r) => roles.includes(r))).map((s) => s.id) };
}

/** True when the actor may do `action` only on what they made themselves (a colleague's own reports). */
export function ownOnly(actor: Actor, action: Action): boolean {
  const { own } = rule(action);
  const scope = scopeFor(actor, action);
  return !scope.all && scope.storeIds.length === 0 && !!own?.some((r) => actor.roles.includes(r));
}

/**
 * May the actor do `action` at all (no resource), or at this store? An action with
 * no store is granted by holding a granting role anywhere.
 */
export function can(actor: Actor, action: Action, resource: { storeId?: string } = {}): boolean {
  const scope = scopeFor(actor, action);
  if (scope.all) return true;
  if (resource.storeId !== undefined) return scope.storeIds.includes(resource.storeId);
  const { roles, own, chainWide } = rule(action);
  return !chainWide && actor.roles.some((r) => roles.includes(r) || !!own?.includes(r));
}

export function assertCan(actor: Actor, action: Action, resource: { storeId?: string } = {}): void {
  if (can(actor, action, resource)) return;
  throw new Forbidden(resource.storeId ? "You don't have access to this store." : undefined);
}

/** Regions the actor covers as a whole for `action` (region memberships), or every region. */
export function wholeRegionsFor(actor: Actor, action: Action): string[] | 'all' {
  const { roles } = rule(action);
  if (actor.globalRoles.some((r) => roles.includes(r))) return 'all';
  return [
    ...new Set(
      actor.memberships
        .filter((m) => m.scopeType === 'region' && m.regionId && roles.includes(m.role))
        .map((m) => m.regionId!),
    ),
  ];
}

/** Where each person lands after sign-in; the first matching rule wins. */
export function homePath(actor: Actor): string {
  if (can(actor, 'admin.view')) return '/admin';
  if (actor.roles.includes('regional_manager')) return '/insights';
  if (can(actor, 'case.read')) return '/cases';
  const consoleStore = actor.stores.find((s) => s.roles.some((r) => r === 'security' || r === 'store_manager'));
  if (consoleStore) return `/stores/${consoleStore.code}`;
  if (can(actor, 'staff_app.use')) return '/report';
  return '/no-access';
}
