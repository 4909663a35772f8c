import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-actor';
import { Invalid } from '@/lib/errors';
import { apiRoute, searchParamsOf } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';
import { createIncident } from '@/lib/incidents/create-incident';
import { listIncidents } from '@/lib/incidents/list-incidents';

export const GET = apiRoute(async (req: Request) => {
  const actor = await requireActor();
  const incidents = await listIncidents(getDb(), actor, searchParamsOf(req));
  return NextResponse.json({ incidents });
});

export const POST = apiRoute(async (req: Request) => {
  const actor = await requireActor();
  const key = req.headers.get('idempotency-key');
  if (!key) throw new Invalid('Send an Idempotency-Key header (a UUID) so a retried report is never stored twice.');
  const body = await readJson(req, 64 * 1024);
  const result = await createIncident(getDb(), actor, body, { idempotencyKey: key, source: 'pwa' });
  return NextResponse.json({ id: result.id, ref: result.ref }, { status: result.created ? 201 : 200 });
});
