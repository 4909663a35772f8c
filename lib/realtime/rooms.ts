// Room names are part of the contract between server.ts, the emitter and tests.
// Which rooms a socket joins comes from the access policy: a room carries one kind of
// data (alerts or incidents) for one store, region or the whole chain, and a socket
// joins it only where the same person may read that kind of data over HTTP.
import type { Actor } from '@/lib/auth/actor';
import { type Action, scopeFor, wholeRegionsFor } from '@/lib/auth/policy';

export const REALTIME_EVENTS = ['alert:new', 'alert:updated', 'incident:new', 'incident:updated'] as const;
export type RealtimeEvent = (typeof REALTIME_EVENTS)[number];

/** The kind of data an event carries, and the policy action that reads it over HTTP. */
export const TOPICS = { alert: 'alert.read', incident: 'incident.read' } as const satisfies Record<string, Action>;
export type Topic = keyof typeof TOPICS;

export const topicOf = (event: RealtimeEvent): Topic => (event.startsWith('alert:') ? 'alert' : 'incident');

export const storeRoom = (topic: Topic, storeId: string) => `${topic}:store:${storeId}`;
export const regionRoom = (topic: Topic, regionId: string) => `${topic}:region:${regionId}`;
/** Holders of a chain-wide scope for the topic. */
export const allRoom = (topic: Topic) => `${topic}:all`;
export const userRoom = (userId: string) => `user:${userId}`;
/** One signed-in session, so signing out disconnects exactly its sockets. */
export const sessionRoom = (sid: string) => `session:${sid}`;
/** Paired kiosks of a store: they get alerts stripped to non-personal fields. */
export const kioskRoom = (storeId: string) => `kiosk:${storeId}`;
/** One kiosk device, so revoking it disconnects it. */
export const kioskDeviceRoom = (deviceId: string) => `kiosk-device:${deviceId}`;

/** Every room an event about this store goes to (kiosks get their own stripped copy). */
export const roomsForStoreEvent = (event: RealtimeEvent, target: { storeId: string; regionId: string }) => {
  const topic = topicOf(event);
  return [storeRoom(topic, target.storeId), regionRoom(topic, target.regionId), allRoom(topic)];
};

export function roomsFor(actor: Actor): string[] {
  const rooms = new Set<string>([userRoom(actor.id)]);
  for (const topic of Object.keys(TOPICS) as Topic[]) {
    const action = TOPICS[topic];
    const scope = scopeFor(actor, action);
    if (scope.all) {
      rooms.add(allRoom(topic));
      continue;
    }
    for (const id of scope.storeIds) rooms.add(storeRoom(topic, id));
    const regions = wholeRegionsFor(actor, action);
    if (regions !== 'all') for (const id of regions) rooms.add(regionRoom(topic, id));
  }
  return [...rooms];
}

/** Every realtime payload carries at least these (DESIGN.md §11). */
export type RealtimePayload = {
  id: string;
  storeCode: string;
  severity: string;
  status: string;
  createdAt: string;
  [key: string]: unknown;
};
