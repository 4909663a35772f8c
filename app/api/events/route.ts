import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-actor';
import { apiRoute, searchParamsOf } from '@/lib/http/api-route';
import { listEvents } from '@/lib/ingest/list-events';

export const GET = apiRoute(async (req: Request) => {
  const actor = await requireActor();
  return NextResponse.json(await listEvents(getDb(), actor, searchParamsOf(req)));
});
