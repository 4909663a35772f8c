import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { authenticateDevice } from '@/lib/devices/authenticate-device';
import { apiRoute } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';
import { adaptGenericEvents } from '@/lib/ingest/adapters/generic-json';
import { contextFor, ingestEvents } from '@/lib/ingest/ingest-events';
import { ingestLimiter } from '@/lib/ingest/ingest-limiter';

/** 1000 events with their data objects fit comfortably; anything bigger is refused whole. */
const MAX_BODY = 4 * 1024 * 1024;

export const POST = apiRoute(async (req: Request) => {
  const db = getDb();
  const device = await authenticateDevice(db, req.headers.get('authorization'));
  ingestLimiter.take(device.id);
  const body = await readJson(req, MAX_BODY);
  const result = await ingestEvents(db, device, adaptGenericEvents(body, contextFor(device)));
  return NextResponse.json(result, { status: 202 });
});
