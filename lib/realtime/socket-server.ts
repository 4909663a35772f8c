// The socket.io side of the web process: who may connect (session cookie or a paired
// kiosk, from this site's pages only), which rooms they join (from the access policy),
// the client events they may send (each with a policy action and a per-socket rate
// limit), and a sweep that keeps live sockets honest when access changes later.
import type { IncomingMessage } from 'node:http';
import { and, eq, inArray } from 'drizzle-orm';
import type { Server, Socket } from 'socket.io';
import type { DbOrTx } from '@/db/client';
import { devices, memberships, revokedSessions, users } from '@/db/schema';
import { listAlertsSince } from '@/lib/alerts/list-alerts';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { type Action, can } from '@/lib/auth/policy';
import { sessionFromCookieHeader } from '@/lib/auth/session-token';
import { env } from '@/lib/env';
import { AppError, TooManyRequests } from '@/lib/errors';
import { RateLimiter } from '@/lib/http/rate-limit';
import { authenticateKiosk } from '@/lib/kiosk/authenticate-kiosk';
import { KIOSK_DEVICE_COOKIE } from '@/lib/kiosk/kiosk-credentials';
import { kioskDeviceRoom, kioskRoom, roomsFor, sessionRoom } from './rooms';

type Ack = (reply: unknown) => void;
type SocketHandler = { action: Action; handle: (db: DbOrTx, actor: Actor, input: unknown) => Promise<unknown> };

/** Every event a client may send, with the policy action it needs. The access matrix test reads this. */
export const SOCKET_HANDLERS = {
  'alerts:since': {
    action: 'alert.read',
    handle: async (db, actor, input) => ({ alerts: await listAlertsSince(db, actor, input) }),
  },
} as const satisfies Record<string, SocketHandler>;

/** Per socket: enough for a console catching up after reconnects, not for a scraper. */
const handlerLimiter = new RateLimiter(2, 10);

type SocketData = { actorId?: string; sid?: string; accessFingerprint?: string; kioskDeviceId?: string };

/**
 * Browsers always send Origin on a websocket; refusing foreign origins stops another
 * site from riding a colleague's session cookie (cross-site websocket hijacking).
 * Clients without a browser send none and still need the cookie.
 */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (host === req.headers.host) return true;
  return env.VIGIL_PUBLIC_URL !== undefined && new URL(env.VIGIL_PUBLIC_URL).host === host;
}

function kioskKeyFromCookieHeader(header: string | undefined): string | null {
  const match = new RegExp(`(?:^|;\\s*)${KIOSK_DEVICE_COOKIE}=([^;]+)`).exec(header ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * What decides a person's rooms, in one string per user: account status and every
 * membership. When it changes, their sockets' rooms are recomputed (or cut, if the
 * account is gone or disabled).
 */
export async function accessFingerprints(db: DbOrTx, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      role: memberships.role,
      scopeType: memberships.scopeType,
      storeId: memberships.storeId,
      regionId: memberships.regionId,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(and(inArray(users.id, userIds), eq(users.status, 'active')));
  const parts = new Map<string, string[]>();
  for (const r of rows) {
    const list = parts.get(r.id) ?? [];
    if (r.role) list.push(`${r.role}/${r.scopeType}/${r.storeId ?? ''}/${r.regionId ?? ''}`);
    parts.set(r.id, list);
  }
  return new Map([...parts].map(([id, list]) => [id, list.sort().join(',')]));
}

export function attachSocketServer(io: Server, getDb: () => DbOrTx): { stop: () => void } {
  io.use(async (socket, next) => {
    try {
      const db = getDb();
      const cookie = socket.handshake.headers.cookie;
      const session = await sessionFromCookieHeader(cookie, db);
      const actor = session ? await loadActor(db, session.userId) : null;
      const data = socket.data as SocketData;
      if (session && actor) {
        data.actorId = actor.id;
        data.sid = session.sid;
        data.accessFingerprint = (await accessFingerprints(db, [actor.id])).get(actor.id);
        await socket.join([...roomsFor(actor), sessionRoom(session.sid)]);
        return next();
      }
      // A paired kiosk: its store's alerts, stripped to non-personal fields (lib/realtime/kiosk-payload.ts).
      const kioskKey = kioskKeyFromCookieHeader(cookie);
      const kiosk = kioskKey ? await authenticateKiosk(db, kioskKey, undefined).catch(() => null) : null;
      if (!kiosk) return next(new Error('unauthenticated'));
      data.kioskDeviceId = kiosk.device.id;
      await socket.join([kioskRoom(kiosk.device.storeId), kioskDeviceRoom(kiosk.device.id)]);
      next();
    } catch (e) {
      console.error('[socket.io] handshake failed:', e);
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    for (const [event, handler] of Object.entries(SOCKET_HANDLERS)) {
      socket.on(event, (input: unknown, ack?: Ack) => {
        if (typeof ack === 'function') void runHandler(getDb(), socket, handler, input, ack);
      });
    }
  });

  const timer = setInterval(
    () => void recheckSockets(io, getDb()).catch((e) => console.error('[socket.io] recheck failed:', e)),
    env.VIGIL_SOCKET_RECHECK_SECONDS * 1000,
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function runHandler(db: DbOrTx, socket: Socket, handler: SocketHandler, input: unknown, ack: Ack) {
  try {
    handlerLimiter.take(socket.id);
    const { actorId } = socket.data as SocketData;
    if (!actorId) return ack({ ok: false, error: 'forbidden', message: 'Kiosks reload their alert banner instead.' });
    // Scope is re-read so a membership removed since the handshake is honoured.
    const actor = await loadActor(db, actorId);
    if (!actor) return ack({ ok: false, error: 'unauthenticated' });
    if (!can(actor, handler.action))
      return ack({ ok: false, error: 'forbidden', message: "You don't have access to this." });
    ack({ ok: true, ...((await handler.handle(db, actor, input)) as object) });
  } catch (e) {
    if (e instanceof TooManyRequests)
      return ack({ ok: false, error: e.code, message: 'Too many requests on this connection. Wait a moment.' });
    if (e instanceof AppError) return ack({ ok: false, error: e.code, message: e.message });
    console.error('[socket.io] handler failed:', e);
    ack({ ok: false, error: 'internal' });
  }
}

/**
 * Sockets outlive the checks made at their handshake. Every few seconds this process
 * re-reads, in three queries, what its sockets depend on: a signed-out session, a
 * disabled account or a revoked kiosk is cut off; changed memberships move the socket
 * to its new rooms.
 */
export async function recheckSockets(io: Server, db: DbOrTx): Promise<void> {
  const sockets = [...io.sockets.sockets.values()];
  const userIds = [...new Set(sockets.map((s) => (s.data as SocketData).actorId).filter((id): id is string => !!id))];
  const kioskIds = [
    ...new Set(sockets.map((s) => (s.data as SocketData).kioskDeviceId).filter((id): id is string => !!id)),
  ];
  const sids = [...new Set(sockets.map((s) => (s.data as SocketData).sid).filter((id): id is string => !!id))];
  const [fingerprints, activeKiosks, revoked] = await Promise.all([
    accessFingerprints(db, userIds),
    kioskIds.length
      ? db
          .select({ id: devices.id })
          .from(devices)
          .where(and(inArray(devices.id, kioskIds), eq(devices.status, 'active')))
          .then((rows) => new Set(rows.map((r) => r.id)))
      : Promise.resolve(new Set<string>()),
    sids.length
      ? db
          .select({ sid: revokedSessions.sid })
          .from(revokedSessions)
          .where(inArray(revokedSessions.sid, sids))
          .then((rows) => new Set(rows.map((r) => r.sid)))
      : Promise.resolve(new Set<string>()),
  ]);
  for (const socket of sockets) {
    const data = socket.data as SocketData;
    if (data.kioskDeviceId && !activeKiosks.has(data.kioskDeviceId)) {
      socket.disconnect(true);
      continue;
    }
    if (!data.actorId) continue;
    const now = fingerprints.get(data.actorId);
    if (now === undefined || (data.sid && revoked.has(data.sid))) {
      socket.disconnect(true);
      continue;
    }
    if (now === data.accessFingerprint) continue;
    const actor = await loadActor(db, data.actorId);
    if (!actor) {
      socket.disconnect(true);
      continue;
    }
    const rooms = new Set(roomsFor(actor));
    for (const room of socket.rooms) if (room !== socket.id && !rooms.has(room)) await socket.leave(room);
    await socket.join([...rooms]);
    data.accessFingerprint = now;
  }
}
