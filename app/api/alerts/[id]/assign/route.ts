import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { assignAlert } from '@/lib/alerts/assign-alert';
import { requireActor } from '@/lib/auth/current-actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';
import { bodyObject } from '../../body-object';

export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  const body = bodyObject(await readJson(req, 4096));
  return NextResponse.json({ alert: await assignAlert(getDb(), actor, { ...body, alertId: id }) });
});
