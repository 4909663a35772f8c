// Every body is read as a stream and cut at its limit: a chunked upload with no
// Content-Length that never ends gets 413 after the route has pulled at most one chunk
// past the limit, so memory stays bounded whatever a caller sends.
import { describe, expect, it } from 'vitest';
import { POST as signIn } from '@/app/api/auth/[...nextauth]/route';
import { POST as importCsv } from '@/app/api/context/police-crimes/route';
import { POST as report } from '@/app/api/incidents/route';
import { POST as ingestEvents } from '@/app/api/ingest/events/route';
import { POST as ingestOnvif } from '@/app/api/ingest/onvif/route';
import { POST as ingestPos } from '@/app/api/ingest/pos/route';
import { POST as pair } from '@/app/api/kiosk/pair/route';
import { POST as panic } from '@/app/api/panic/route';
import { MAX_CSV_BYTES } from '@/lib/context/police-data';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '@/lib/evidence/photos';
import { deviceAt } from '../../support/events';
import { actorFor, HOME_STORE } from '../../support/fixtures';
import { callRoute, sessionCookie } from '../../support/route-request';

const CHUNK = 64 * 1024;
const STREAM_CAP = 300 * 1024 * 1024;

/**
 * A body generated on demand, 64 KB per pull, up to 300 MB (so a route that buffers
 * everything still finishes, and fails the assertion instead of hanging). highWaterMark 0:
 * nothing is produced before the reader asks, so `pulled` is exactly what the route read.
 */
function hugeBody(prefix = '') {
  let pulled = 0;
  const head = new TextEncoder().encode(prefix);
  const filler = new Uint8Array(CHUNK).fill(0x61);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= STREAM_CAP) return controller.close();
        const chunk =
          pulled === 0 && head.length ? new Uint8Array([...head, ...filler.subarray(head.length)]) : filler.slice();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

function post(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return new Request(`http://localhost${path}`, { method: 'POST', body, duplex: 'half', headers } as RequestInit & {
    duplex: 'half';
  });
}

async function expectCut(res: Response, pulled: number, limit: number) {
  expect(res.status).toBe(413);
  expect((await res.json()).error).toBe('too_large');
  expect(pulled).toBeLessThanOrEqual(limit + CHUNK);
}

const json = { 'content-type': 'application/json' };
const key = () => ({ 'idempotency-key': crypto.randomUUID() });

describe('request bodies past their limit', () => {
  it('POST /api/kiosk/pair (no sign-in needed) stops reading an endless JSON body at 1 KB', async () => {
    const body = hugeBody('{"store":"');
    const res = await callRoute(pair, post('/api/kiosk/pair', body.stream, json));
    await expectCut(res, body.pulled(), 1024);
  });

  it('POST /api/ingest/events and /api/ingest/pos (POSLog XML) stop at 4 MB, and /api/ingest/onvif (XML) at 1 MB', async () => {
    const device = await deviceAt(HOME_STORE, 'camera');
    const auth = { authorization: `Bearer ${device.apiKey}` };
    const events = hugeBody('{"events":[');
    await expectCut(
      await callRoute(ingestEvents, post('/api/ingest/events', events.stream, { ...json, ...auth })),
      events.pulled(),
      4 * 1024 * 1024,
    );
    const onvif = hugeBody('<Notify>');
    await expectCut(
      await callRoute(
        ingestOnvif,
        post('/api/ingest/onvif', onvif.stream, { 'content-type': 'application/xml', ...auth }),
      ),
      onvif.pulled(),
      1024 * 1024,
    );
    const till = await deviceAt(HOME_STORE, 'pos');
    const pos = hugeBody('<POSLog>');
    await expectCut(
      await callRoute(
        ingestPos,
        post('/api/ingest/pos', pos.stream, {
          'content-type': 'application/xml',
          authorization: `Bearer ${till.apiKey}`,
        }),
      ),
      pos.pulled(),
      4 * 1024 * 1024,
    );
  });

  it('POST /api/incidents stops an endless JSON report at 64 KB and an endless multipart report at its photo allowance', async () => {
    const cookie = await sessionCookie((await actorFor('colleague')).id);
    const jsonBody = hugeBody('{"type":"');
    await expectCut(
      await callRoute(report, post('/api/incidents', jsonBody.stream, { ...json, ...key(), cookie })),
      jsonBody.pulled(),
      64 * 1024,
    );

    const boundary = 'vigil-test-boundary';
    const multipart = hugeBody(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const res = await callRoute(
      report,
      post('/api/incidents', multipart.stream, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...key(),
        cookie,
      }),
    );
    await expectCut(res, multipart.pulled(), MAX_PHOTOS * MAX_PHOTO_BYTES + 64 * 1024);
  });

  it('POST /api/incidents still takes a multipart report within its allowance', async () => {
    const cookie = await sessionCookie((await actorFor('colleague')).id);
    const form = new FormData();
    form.set('report', JSON.stringify({ store: HOME_STORE, type: 'theft' }));
    const encoded = new Response(form);
    const req = post('/api/incidents', encoded.body!, {
      'content-type': encoded.headers.get('content-type')!,
      ...key(),
      cookie,
    });
    const res = await callRoute(report, req);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ref: expect.any(String) });
  });

  it('POST /api/panic stops at 4 KB', async () => {
    const cookie = await sessionCookie((await actorFor('security')).id);
    const body = hugeBody('{"store":"');
    await expectCut(
      await callRoute(panic, post('/api/panic', body.stream, { ...json, ...key(), cookie })),
      body.pulled(),
      4 * 1024,
    );
  });

  it('POST /api/context/police-crimes stops a CSV or multipart upload at 30 MB', async () => {
    const cookie = await sessionCookie((await actorFor('admin')).id);
    const csv = hugeBody('Crime ID,Month\n');
    await expectCut(
      await callRoute(
        importCsv,
        post('/api/context/police-crimes', csv.stream, { 'content-type': 'text/csv', cookie }),
      ),
      csv.pulled(),
      MAX_CSV_BYTES,
    );
    const boundary = 'vigil-test-boundary';
    const form = hugeBody(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    await expectCut(
      await callRoute(
        importCsv,
        post('/api/context/police-crimes', form.stream, {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie,
        }),
      ),
      form.pulled(),
      MAX_CSV_BYTES + 64 * 1024,
    );
  });

  it('POST /api/auth/callback/credentials (Auth.js sign-in) stops an endless form at 64 KB', async () => {
    const body = hugeBody('email=');
    const res = await callRoute(
      signIn,
      post('/api/auth/callback/credentials', body.stream, { 'content-type': 'application/x-www-form-urlencoded' }),
    );
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024 + CHUNK);
  });
});
