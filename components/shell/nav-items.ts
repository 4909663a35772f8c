import type { Actor } from '@/lib/auth/actor';
import { hasRole } from '@/lib/auth/permissions';

export type NavItem = { href: string; label: string };

/** Navigation shown to an actor; the server still checks every page and route. */
export function navItemsFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [];
  if (hasRole(actor, ['colleague', 'security', 'store_manager'])) {
    items.push({ href: '/report', label: 'Report something' }, { href: '/my-reports', label: 'My reports' });
  }
  const store = actor.stores.find((s) => s.roles.some((r) => ['security', 'store_manager', 'regional_manager'].includes(r)));
  if (store) items.push({ href: `/stores/${store.code}`, label: 'Store console' });
  if (hasRole(actor, ['store_manager', 'regional_manager', 'admin'])) items.push({ href: '/insights', label: 'Insights' });
  if (hasRole(actor, ['investigator', 'admin'])) items.push({ href: '/cases', label: 'Cases' });
  if (hasRole(actor, ['admin', 'dpo'])) items.push({ href: '/admin', label: 'Admin' });
  else {
    if (hasRole(actor, ['store_manager', 'regional_manager'])) items.push({ href: '/admin/rules', label: 'Alert rules' });
    if (hasRole(actor, ['store_manager'])) items.push({ href: '/admin/devices', label: 'Devices' });
  }
  if (hasRole(actor, ['colleague', 'security', 'store_manager'])) items.push({ href: '/help', label: 'Help' });
  return items;
}
