import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { acknowledgeAlert } from '@/lib/alerts/act-on-alert';
import { requireActor } from '@/lib/auth/current-actor';
import { apiRoute } from '@/lib/http/api-route';

export const POST = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  return NextResponse.json({ alert: await acknowledgeAlert(getDb(), actor, id) });
});
