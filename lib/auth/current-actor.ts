// The one server-side guard for pages, route handlers and server actions.
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import type { Role } from '@/lib/domain/enums';
import { Unauthenticated } from '@/lib/errors';
import { CLIENT_IP_HEADER } from '@/lib/http/client-address';
import { type Actor, loadActor } from './actor';
import { auth } from './auth';
import { canAccessStore, hasRole } from './permissions';

export async function getCurrentActor(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  return id ? loadActor(getDb(), id) : null;
}

/** For route handlers and server actions: throws Unauthenticated (401); lib verbs check the rest. */
export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) throw new Unauthenticated();
  return actor;
}

type PageRequirement = { roles?: readonly Role[]; storeId?: string };

/** For pages: redirects to sign-in when signed out, renders 403 when not allowed. */
export async function requirePageActor(req: PageRequirement = {}): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) {
    const path = (await headers()).get('x-vigil-path') ?? '/';
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (req.roles && !hasRole(actor, req.roles)) forbidden();
  if (req.storeId && !canAccessStore(actor, req.storeId, req.roles ?? [])) forbidden();
  return actor;
}

/** The client's address for pages and server actions (route handlers use clientIp(req)); see lib/http/client-address. */
export async function requestIp(): Promise<string | null> {
  return (await headers()).get(CLIENT_IP_HEADER);
}
