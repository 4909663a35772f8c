import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { getAlert } from '@/lib/alerts/get-alert';
import { requireActor } from '@/lib/auth/current-actor';
import { apiRoute } from '@/lib/http/api-route';

export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  return NextResponse.json(await getAlert(getDb(), actor, id));
});
