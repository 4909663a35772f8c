import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { authenticateDevice } from '@/lib/devices/authenticate-device';
import { Invalid } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { JSON_TYPE, readText, XML_TYPE } from '@/lib/http/read-json';
import { adaptPosJson, adaptPosLog } from '@/lib/ingest/adapters/poslog';
import { contextFor, ingestPosTransactions } from '@/lib/ingest/ingest-events';
import { ingestLimiter } from '@/lib/ingest/ingest-limiter';

const MAX_BODY = 4 * 1024 * 1024;
const POS_TYPES = new RegExp(`${JSON_TYPE.source}|${XML_TYPE.source}`, 'i');

/** ARTS POSLog XML (one or more Transactions) or JSON {"transactions":[…]}. */
export const POST = apiRoute(async (req: Request) => {
  const db = getDb();
  const device = await authenticateDevice(db, req.headers.get('authorization'));
  ingestLimiter.take(device.id);
  const text = await readText(req, MAX_BODY, POS_TYPES, 'application/xml (POSLog) or application/json');
  const ctx = contextFor(device);
  let adapted;
  if (JSON_TYPE.test(req.headers.get('content-type') ?? '')) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Invalid('The body is not valid JSON.');
    }
    adapted = adaptPosJson(body, ctx);
  } else {
    adapted = adaptPosLog(text, ctx);
  }
  return NextResponse.json(await ingestPosTransactions(db, device, adapted), { status: 202 });
});
