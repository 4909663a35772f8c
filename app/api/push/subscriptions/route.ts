import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';
import { deletePushSubscription, savePushSubscription } from '@/lib/push/save-push-subscription';

export const POST = apiRoute(async (req: Request) => {
  const actor = await requireActor();
  const result = await savePushSubscription(getDb(), actor, await readJson(req, 8 * 1024));
  return NextResponse.json(result, { status: 201 });
});

export const DELETE = apiRoute(async (req: Request) => {
  const actor = await requireActor();
  return NextResponse.json(await deletePushSubscription(getDb(), actor, await readJson(req, 8 * 1024)));
});
