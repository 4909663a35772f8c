// Room names are part of the contract between server.ts, the emitter and tests.
import type { Actor } from '@/lib/auth/actor';

export const storeRoom = (storeId: string) => `store:${storeId}`;
export const regionRoom = (regionId: string) => `region:${regionId}`;
export const userRoom = (userId: string) => `user:${userId}`;
/** Paired kiosks of a store: they get alerts stripped to non-personal fields. */
export const kioskRoom = (storeId: string) => `kiosk:${storeId}`;
/** Holders of an all-stores scope (admins) listen here for every store's events. */
export const ALL_ROOM = 'all';

/** Roles that follow a store's live alerts and incidents; colleagues hear about their own reports only. */
const STORE_FEED_ROLES = new Set(['security', 'store_manager', 'regional_manager', 'investigator', 'admin']);

export function roomsFor(actor: Actor): string[] {
  const rooms = new Set<string>([userRoom(actor.id)]);
  for (const s of actor.stores) if (s.roles.some((r) => STORE_FEED_ROLES.has(r))) rooms.add(storeRoom(s.id));
  for (const m of actor.memberships) if (m.scopeType === 'region' && m.regionId) rooms.add(regionRoom(m.regionId));
  if (actor.globalRoles.length > 0) rooms.add(ALL_ROOM);
  return [...rooms];
}

export const REALTIME_EVENTS = ['alert:new', 'alert:updated', 'incident:new', 'incident:updated'] as const;
export type RealtimeEvent = (typeof REALTIME_EVENTS)[number];

/** Every realtime payload carries at least these (DESIGN.md §11). */
export type RealtimePayload = {
  id: string;
  storeCode: string;
  severity: string;
  status: string;
  createdAt: string;
  [key: string]: unknown;
};
