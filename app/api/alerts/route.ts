import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { listAlerts } from '@/lib/alerts/list-alerts';
import { requireActor } from '@/lib/auth/current-actor';
import { apiRoute, searchParamsOf } from '@/lib/http/api-route';

export const GET = apiRoute(async (req: Request) => {
  const actor = await requireActor();
  return NextResponse.json({ alerts: await listAlerts(getDb(), actor, searchParamsOf(req)) });
});
