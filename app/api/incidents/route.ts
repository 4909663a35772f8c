import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-actor';
import { Invalid } from '@/lib/errors';
import { apiRoute, searchParamsOf } from '@/lib/http/api-route';
import { createIncident } from '@/lib/incidents/create-incident';
import { listIncidents } from '@/lib/incidents/list-incidents';
import { readReportRequest } from '@/lib/incidents/read-report-request';
import { requireReporter } from '@/lib/kiosk/kiosk-request';
import { assertQueuedBy, QUEUED_BY_HEADER } from '@/lib/staff/outbox-owner';

export const GET = apiRoute(async (req: Request) => {
  const actor = await requireActor();
  const incidents = await listIncidents(getDb(), actor, searchParamsOf(req));
  return NextResponse.json({ incidents });
});

export const POST = apiRoute(async (req: Request) => {
  const reporter = await requireReporter();
  assertQueuedBy(req.headers.get(QUEUED_BY_HEADER), reporter);
  const key = req.headers.get('idempotency-key');
  if (!key) throw new Invalid('Send an Idempotency-Key header (a UUID) so a retried report is never stored twice.');
  const { body, photos } = await readReportRequest(req);
  const result = await createIncident(getDb(), reporter.actor, body, { idempotencyKey: key, source: reporter.source, photos, device: reporter.device });
  return NextResponse.json({ id: result.id, ref: result.ref }, { status: result.created ? 201 : 200 });
});
