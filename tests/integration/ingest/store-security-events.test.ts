// Dedupe: a vendor event id is unique per device (DESIGN.md §11), so a redelivery whose
// time changed (a clock correction, a resend with a later time, a new partition month) is
// still the same event and must be stored once.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as postEvents } from '@/app/api/ingest/events/route';
import { securityEvents } from '@/db/schema';
import { storeSecurityEvents } from '@/lib/ingest/store-security-events';
import { deviceAt, event } from '../../support/events';
import { db, HOME_STORE } from '../../support/fixtures';

const rowsOf = (deviceId: string, vendorEventId: string) =>
  db()
    .select()
    .from(securityEvents)
    .where(and(eq(securityEvents.deviceId, deviceId), eq(securityEvents.vendorEventId, vendorEventId)));

async function waitUntilABackendWaitsForALock() {
  for (let i = 0; i < 100; i++) {
    const rows = (await db().execute(
      sql`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown[];
    if (rows.length > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('No delivery ever waited for another');
}

async function post(apiKey: string, id: string, occurredAt: string) {
  const res = await postEvents(
    new Request('http://localhost/api/ingest/events', {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [{ id, type: 'shelf_sweep', occurredAt }] }),
    }),
  );
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('storeSecurityEvents: dedupe by vendor id', () => {
  it('stores the same id sent again with a different time once, counting the second as a duplicate', async () => {
    const device = await deviceAt(HOME_STORE, 'camera');
    // Different months, so different partitions of security_event.
    expect(await post(device.apiKey, 'evt-42', '2026-10-31T23:59:00Z')).toEqual({
      status: 202,
      body: { accepted: 1, duplicates: 0, alerts: 0 },
    });
    expect(await post(device.apiKey, 'evt-42', '2026-11-01T00:01:00Z')).toEqual({
      status: 202,
      body: { accepted: 0, duplicates: 1, alerts: 0 },
    });
    const rows = await rowsOf(device.id, 'evt-42');
    expect(rows.map((r) => r.occurredAt.toISOString())).toEqual(['2026-10-31T23:59:00.000Z']);
  });

  it('keeps the first of one id sent twice in one batch with different times', async () => {
    const device = await deviceAt(HOME_STORE, 'camera');
    const first = { ...event(device, 'motion', new Date('2026-11-20T10:00:00Z')), vendorEventId: 'same' };
    const second = { ...first, occurredAt: new Date('2026-11-20T10:00:05Z') };
    const result = await storeSecurityEvents(db(), [first, second]);
    expect(result).toMatchObject({ accepted: 1, duplicates: 1 });
    expect((await rowsOf(device.id, 'same')).map((r) => r.occurredAt)).toEqual([first.occurredAt]);
  });

  it('stores once when two deliveries with different times race', async () => {
    const device = await deviceAt(HOME_STORE, 'camera');
    const results = await Promise.all(
      ['2026-11-20T10:00:00Z', '2026-11-20T10:00:01Z', '2026-11-30T23:59:59Z', '2026-12-01T00:00:00Z'].map((t) =>
        post(device.apiKey, 'race', t),
      ),
    );
    expect(results.every((r) => r.status === 202)).toBe(true);
    expect(await rowsOf(device.id, 'race')).toHaveLength(1);
  });

  it('never fails with a deadlock when two deliveries share ids in different orders', async () => {
    const device = await deviceAt(HOME_STORE, 'camera');
    const ev = (id: string) => ({ ...event(device, 'motion', new Date('2026-11-20T10:00:00Z')), vendorEventId: id });
    let second: ReturnType<typeof storeSecurityEvents> | undefined;
    // The first delivery holds "a" uncommitted while the second, sent as [b, a], waits for
    // it; then the first stores "b". Claimed in the order they arrive, the two would each
    // hold what the other needs.
    const first = await db().transaction(async (tx) => {
      const a = await storeSecurityEvents(tx, [ev('a')]);
      second = storeSecurityEvents(db(), [ev('b'), ev('a')]);
      await waitUntilABackendWaitsForALock();
      const b = await storeSecurityEvents(tx, [ev('b')]);
      return a.accepted + b.accepted;
    });
    expect(first).toBe(2);
    expect(await second).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  it('still counts an id sent again months later as a duplicate while its event is kept', async () => {
    const device = await deviceAt(HOME_STORE, 'camera');
    expect((await post(device.apiKey, 'counter-7', '2026-08-01T10:00:00Z')).body).toMatchObject({ accepted: 1 });
    expect((await post(device.apiKey, 'counter-7', '2026-08-20T10:00:00Z')).body).toMatchObject({ duplicates: 1 });
    expect((await post(device.apiKey, 'counter-7', '2026-11-20T10:00:00Z')).body).toMatchObject({ duplicates: 1 });
    expect(await rowsOf(device.id, 'counter-7')).toHaveLength(1);
  });

  it('does not mix devices up: the same vendor id on another device is another event', async () => {
    const [a, b] = await Promise.all([deviceAt(HOME_STORE, 'camera'), deviceAt(HOME_STORE, 'camera')]);
    await post(a.apiKey, 'shared-id', '2026-11-20T10:00:00Z');
    expect((await post(b.apiKey, 'shared-id', '2026-11-20T10:00:05Z')).body).toMatchObject({ accepted: 1 });
  });

  it('updates a Frigate-style event in place even when a later message carries a different time', async () => {
    const device = await deviceAt(HOME_STORE, 'camera');
    const first = {
      ...event(device, 'person_detected', new Date('2026-11-20T10:00:00Z')),
      vendorEventId: 'obj-1',
      payload: { frigateType: 'new' },
    };
    const later = { ...first, occurredAt: new Date('2026-11-20T09:59:58Z'), payload: { frigateType: 'end' } };
    expect(await storeSecurityEvents(db(), [first], { updateInPlace: true })).toMatchObject({
      accepted: 1,
      updated: 0,
    });
    expect(await storeSecurityEvents(db(), [later], { updateInPlace: true })).toMatchObject({
      accepted: 0,
      updated: 1,
    });
    expect((await rowsOf(device.id, 'obj-1')).map((r) => r.payload)).toEqual([{ frigateType: 'end' }]);
  });
});
