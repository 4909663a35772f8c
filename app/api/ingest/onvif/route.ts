import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { authenticateDevice } from '@/lib/devices/authenticate-device';
import { apiRoute } from '@/lib/http/api-route';
import { readText, XML_TYPE } from '@/lib/http/read-json';
import { adaptOnvif } from '@/lib/ingest/adapters/onvif';
import { contextFor, ingestEvents } from '@/lib/ingest/ingest-events';
import { ingestLimiter } from '@/lib/ingest/ingest-limiter';

const MAX_BODY = 1024 * 1024;

/** ONVIF WS-BaseNotification XML: a Notify, a PullMessagesResponse or a metadata stream document. */
export const POST = apiRoute(async (req: Request) => {
  const db = getDb();
  const device = await authenticateDevice(db, req.headers.get('authorization'));
  ingestLimiter.take(device.id);
  const xml = await readText(req, MAX_BODY, XML_TYPE, 'application/soap+xml or application/xml');
  const result = await ingestEvents(db, device, adaptOnvif(xml, contextFor(device)));
  return NextResponse.json(result, { status: 202 });
});
