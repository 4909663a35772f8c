// Who may manage context data: administrators over the whole chain. The data is chain-wide
// (one file covers every store in a force area), so a store- or region-scoped admin may not.
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { Forbidden } from '@/lib/errors';

/** For pages deciding whether to offer the admin link (the verbs still check). */
export const canManageContext = (actor: Actor) => can(actor, 'context.manage');

export function assertContextAdmin(actor: Actor): void {
  if (!canManageContext(actor)) throw new Forbidden('Only administrators can manage context data.');
}
