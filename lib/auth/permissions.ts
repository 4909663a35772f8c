// Pure authorisation decisions over a loaded Actor. lib/ verbs call these first;
// SQL then filters by the store ids they return, never after fetching.
import type { Role } from '@/lib/domain/enums';
import { Forbidden } from '@/lib/errors';
import type { Actor } from './actor';

export type StoreScope = { all: true } | { all: false; storeIds: string[] };

export const hasRole = (actor: Actor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));

/** The stores where the actor holds any of `roles`. */
export function storeScope(actor: Actor, roles: readonly Role[]): StoreScope {
  if (actor.globalRoles.some((r) => roles.includes(r))) return { all: true };
  return { all: false, storeIds: actor.stores.filter((s) => s.roles.some((r) => roles.includes(r))).map((s) => s.id) };
}

export function canAccessStore(actor: Actor, storeId: string, roles: readonly Role[]): boolean {
  const scope = storeScope(actor, roles);
  return scope.all || scope.storeIds.includes(storeId);
}

export function assertRole(actor: Actor, roles: readonly Role[]): void {
  if (!hasRole(actor, roles)) throw new Forbidden();
}

export function assertStoreAccess(actor: Actor, storeId: string, roles: readonly Role[]): void {
  if (!canAccessStore(actor, storeId, roles)) throw new Forbidden("You don't have access to this store.");
}

/** Role groups reused by routes and verbs. */
export const STORE_STAFF: readonly Role[] = ['colleague', 'security', 'store_manager', 'regional_manager', 'admin'];
export const STORE_OVERSIGHT: readonly Role[] = ['security', 'store_manager', 'regional_manager', 'admin'];
export const INSIGHT_ROLES: readonly Role[] = ['store_manager', 'regional_manager', 'admin'];
export const ADMIN_ROLES: readonly Role[] = ['admin', 'dpo'];

/** Where each role lands after sign-in; the first matching role wins. */
export function homePath(actor: Actor): string {
  const firstStore = actor.stores[0]?.code;
  if (hasRole(actor, ['admin', 'dpo'])) return '/admin';
  if (hasRole(actor, ['regional_manager'])) return '/insights';
  if (hasRole(actor, ['investigator'])) return '/cases';
  if (hasRole(actor, ['security', 'store_manager']) && firstStore) return `/stores/${firstStore}`;
  if (hasRole(actor, ['colleague'])) return '/report';
  return '/no-access';
}
