// A kiosk's credential and a device's ingest API key are different kinds of credential:
// neither opens the other's door, even though both live in the device table.
import { describe, expect, it } from 'vitest';
import { POST as postEvents } from '@/app/api/ingest/events/route';
import { POST as postOnvif } from '@/app/api/ingest/onvif/route';
import { POST as postPos } from '@/app/api/ingest/pos/route';
import { errorResponse } from '@/lib/http/api-route';
import { authenticateKiosk } from '@/lib/kiosk/authenticate-kiosk';
import { createEnrolmentCode } from '@/lib/kiosk/create-enrolment-code';
import { pairKiosk } from '@/lib/kiosk/pair-kiosk';
import { NOTIFY, POSLOG_V2_SALE } from '../../unit/adapters/samples';
import { deviceAt } from '../../support/events';
import { actorFor, db, HOME_STORE } from '../../support/fixtures';

async function pairedKioskKey(): Promise<string> {
  const { code } = await createEnrolmentCode(db(), await actorFor('manager'), { store: HOME_STORE });
  return (await pairKiosk(db(), { store: HOME_STORE, code }, null)).deviceKey;
}

const request = (apiKey: string, contentType: string, body: string) =>
  new Request('http://localhost/api/ingest', {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType },
    body,
  });

const events = JSON.stringify({ events: [{ id: 'k-1', type: 'panic', occurredAt: new Date().toISOString() }] });

describe('device credentials', () => {
  it('a paired kiosk credential does not work as an ingest API key (401 on every ingest route)', async () => {
    const kioskKey = await pairedKioskKey();
    for (const res of [
      await postEvents(request(kioskKey, 'application/json', events)),
      await postOnvif(request(kioskKey, 'application/soap+xml', NOTIFY)),
      await postPos(request(kioskKey, 'application/xml', POSLOG_V2_SALE)),
    ]) {
      expect(res.status).toBe(401);
      expect(((await res.json()) as { message: string }).message).toMatch(/kiosk/i);
    }
  });

  it('a device API key does not work as a kiosk credential (401)', async () => {
    for (const kind of ['camera', 'pos', 'sensor', 'vms'] as const) {
      const device = await deviceAt(HOME_STORE, kind);
      const error = await authenticateKiosk(db(), device.apiKey, undefined).catch((e: unknown) => e);
      expect(errorResponse(error).status).toBe(401);
    }
  });

  it('each still works for its own purpose', async () => {
    const kioskKey = await pairedKioskKey();
    expect((await authenticateKiosk(db(), kioskKey, undefined)).device.kind).toBe('kiosk');
    const camera = await deviceAt(HOME_STORE, 'camera');
    expect((await postEvents(request(camera.apiKey, 'application/json', events))).status).toBe(202);
  });
});
