import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { resolveAlert } from '@/lib/alerts/act-on-alert';
import { requireActor } from '@/lib/auth/current-actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';

export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  const body = await readJson(req, 4096);
  return NextResponse.json({ alert: await resolveAlert(getDb(), actor, id, body) });
});
