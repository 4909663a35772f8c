// A kiosk reports for the store it is paired to: a colleague who also works elsewhere
// cannot use store A's kiosk to file a report or raise a panic at store B.
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { incidents, memberships, securityEvents } from '@/db/schema';
import { POST as report } from '@/app/api/incidents/route';
import { POST as panic } from '@/app/api/panic/route';
import { createEnrolmentCode } from '@/lib/kiosk/create-enrolment-code';
import { KIOSK_COLLEAGUE_HEADER, KIOSK_DEVICE_COOKIE, signColleagueToken } from '@/lib/kiosk/kiosk-credentials';
import { pairKiosk } from '@/lib/kiosk/pair-kiosk';
import { actorFor, db, HOME_STORE, storeByCode } from '../../support/fixtures';
import { callRoute } from '../../support/route-request';
import { freshPerson } from '../../support/staff';

const SECOND_STORE = 'LIV01';

/** A kiosk paired at HOME_STORE, and a colleague of HOME_STORE and SECOND_STORE identified at it. */
async function kioskWithTwoStoreColleague() {
  const { code } = await createEnrolmentCode(db(), await actorFor('manager'), { store: HOME_STORE });
  const kiosk = await pairKiosk(db(), { store: HOME_STORE, code }, null);
  const person = await freshPerson(HOME_STORE);
  await db()
    .insert(memberships)
    .values({
      userId: person.actor.id,
      role: 'colleague',
      scopeType: 'store',
      storeId: (await storeByCode(SECOND_STORE)).id,
    });
  return {
    headers: {
      cookie: `${KIOSK_DEVICE_COOKIE}=${kiosk.deviceKey}`,
      [KIOSK_COLLEAGUE_HEADER]: signColleagueToken(person.actor.id, kiosk.deviceId),
      'content-type': 'application/json',
    },
  };
}

const post = (path: string, headers: Record<string, string>, body: unknown) =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });

const incidentsAt = async (store: string) =>
  (
    await db()
      .select({ n: count() })
      .from(incidents)
      .where(eq(incidents.storeId, (await storeByCode(store)).id))
  )[0]!.n;

describe('a kiosk’s store', () => {
  it('takes a report for the kiosk’s own store', async () => {
    const { headers } = await kioskWithTwoStoreColleague();
    const res = await callRoute(report, post('/api/incidents', headers, { store: HOME_STORE, type: 'theft' }));
    expect(res.status).toBe(201);
  });

  it('refuses a report naming another store (403), even one the colleague works at, and stores nothing', async () => {
    const { headers } = await kioskWithTwoStoreColleague();
    const before = await incidentsAt(SECOND_STORE);
    const res = await callRoute(report, post('/api/incidents', headers, { store: SECOND_STORE, type: 'theft' }));
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/kiosk/i);
    expect(await incidentsAt(SECOND_STORE)).toBe(before);
  });

  it('refuses a panic naming another store (403), with or without a colleague identified', async () => {
    const { headers } = await kioskWithTwoStoreColleague();
    const before = (await db().select({ n: count() }).from(securityEvents))[0]!.n;
    expect((await callRoute(panic, post('/api/panic', headers, { store: SECOND_STORE }))).status).toBe(403);
    const { [KIOSK_COLLEAGUE_HEADER]: _, ...anonymous } = headers;
    expect((await callRoute(panic, post('/api/panic', anonymous, { store: SECOND_STORE }))).status).toBe(403);
    expect((await db().select({ n: count() }).from(securityEvents))[0]!.n).toBe(before);
  });
});
