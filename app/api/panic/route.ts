import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { Invalid } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';
import { requireReporter } from '@/lib/kiosk/kiosk-request';
import { assertQueuedBy, QUEUED_BY_HEADER } from '@/lib/staff/outbox-owner';
import { raisePanic } from '@/lib/panic/raise-panic';

export const POST = apiRoute(async (req: Request) => {
  const reporter = await requireReporter({ allowAnonymousKiosk: true });
  assertQueuedBy(req.headers.get(QUEUED_BY_HEADER), reporter);
  const key = req.headers.get('idempotency-key');
  if (!key) throw new Invalid('Send an Idempotency-Key header (a UUID) so a retried panic is never raised twice.');
  const body = await readJson(req, 4 * 1024);
  const result = await raisePanic(getDb(), reporter.actor, body, { idempotencyKey: key, device: reporter.source === 'kiosk' ? reporter.device : undefined });
  return NextResponse.json(result, { status: result.duplicate ? 200 : 202 });
});
