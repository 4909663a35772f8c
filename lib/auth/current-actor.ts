// The one server-side guard for pages, route handlers and server actions.
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { Unauthenticated } from '@/lib/errors';
import { CLIENT_IP_HEADER } from '@/lib/http/client-address';
import { type Actor, loadActor } from './actor';
import { auth } from './auth';
import { type Action, can } from './policy';
import { isSessionRevoked } from './revoked-sessions';

/** The signed-in actor, or null: no session, a signed-out (revoked) one, or one from before session ids. */
export async function getCurrentActor(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  const sid = session?.sid;
  if (!id || !sid || (await isSessionRevoked(getDb(), sid))) return null;
  return loadActor(getDb(), id);
}

/** For route handlers and server actions: throws Unauthenticated (401); lib verbs check the rest. */
export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) throw new Unauthenticated();
  return actor;
}

/** What the page shows: the policy action it needs, at a store when it is about one. */
type PageRequirement = { action?: Action; storeId?: string };

/** For pages: redirects to sign-in when signed out, renders 403 when not allowed. */
export async function requirePageActor(req: PageRequirement = {}): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) {
    const path = (await headers()).get('x-vigil-path') ?? '/';
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (req.action && !can(actor, req.action, { storeId: req.storeId })) forbidden();
  return actor;
}

/** The client's address for pages and server actions (route handlers use clientIp(req)); see lib/http/client-address. */
export async function requestIp(): Promise<string | null> {
  return (await headers()).get(CLIENT_IP_HEADER);
}
