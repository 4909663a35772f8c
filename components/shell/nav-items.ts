import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';

export type NavItem = { href: string; label: string };

/** Navigation shown to an actor, from the same policy the server checks every page and route with. */
export function navItemsFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [];
  const staffApp = can(actor, 'staff_app.use');
  if (staffApp)
    items.push({ href: '/report', label: 'Report something' }, { href: '/my-reports', label: 'My reports' });
  const store = actor.stores.find((s) => can(actor, 'console.view', { storeId: s.id }));
  if (store) items.push({ href: `/stores/${store.code}`, label: 'Store console' });
  if (can(actor, 'insights.read')) items.push({ href: '/insights', label: 'Insights' });
  if (can(actor, 'case.read')) items.push({ href: '/cases', label: 'Cases' });
  if (can(actor, 'admin.view')) items.push({ href: '/admin', label: 'Admin' });
  else {
    if (can(actor, 'rule.manage')) items.push({ href: '/admin/rules', label: 'Alert rules' });
    if (can(actor, 'device.manage')) items.push({ href: '/admin/devices', label: 'Devices' });
  }
  if (staffApp) items.push({ href: '/help', label: 'Help' });
  return items;
}
