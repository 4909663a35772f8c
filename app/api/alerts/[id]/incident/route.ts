import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { createIncidentFromAlert } from '@/lib/alerts/create-incident-from-alert';
import { requireActor } from '@/lib/auth/current-actor';
import { Invalid } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';
import { bodyObject } from '../../body-object';

export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  const key = req.headers.get('idempotency-key');
  if (!key)
    throw new Invalid('Send an Idempotency-Key header (a UUID) so a retried request never makes a second incident.');
  // The body is optional: everything is pre-filled from the alert.
  const body =
    req.headers.get('content-length') === '0' || !req.headers.get('content-type')
      ? {}
      : bodyObject(await readJson(req, 16 * 1024));
  const result = await createIncidentFromAlert(getDb(), actor, { ...body, alertId: id }, { idempotencyKey: key });
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});
