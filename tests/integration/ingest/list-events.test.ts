import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Invalid } from '@/lib/errors';
import { errorResponse } from '@/lib/http/api-route';
import { ingestEvents } from '@/lib/ingest/ingest-events';
import { listEvents } from '@/lib/ingest/list-events';
import { deviceAt, event } from '../../support/events';
import { actorFor, db, HOME_STORE } from '../../support/fixtures';

const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

describe('listEvents', () => {
  it('pages through events with the cursor it hands out', async () => {
    const device = await deviceAt(HOME_STORE, 'camera');
    const t = Date.now();
    await ingestEvents(db(), device, {
      ok: true,
      items: [0, 1, 2].map((i) => event(device, 'motion', new Date(t - i * 1000))),
    });
    const actor = await actorFor('manager');
    const first = await listEvents(db(), actor, { device: device.id, limit: '2' });
    expect(first.events).toHaveLength(2);
    const second = await listEvents(db(), actor, { device: device.id, limit: '2', cursor: first.nextCursor });
    expect(second).toMatchObject({ events: [{ occurredAt: new Date(t - 2000) }], nextCursor: null });
  });

  it.each([
    ['not base64 at all', '%%%garbage%%%'],
    ['base64 of nonsense', cursorOf('garbage')],
    ['an id that is not a uuid', cursorOf('2026-07-01T11:00:00.000Z|not-a-uuid')],
    ['a time that is not a time', cursorOf(`yesterday|${randomUUID()}`)],
    ['a time PostgreSQL cannot hold', cursorOf(`-271821-04-20T00:00:00.000Z|${randomUUID()}`)],
    ['extra parts', cursorOf(`2026-07-01T11:00:00.000Z|${randomUUID()}|x`)],
    ['a megabyte of cursor', 'A'.repeat(1_000_000)],
  ])('answers 400 with a message for a cursor that is %s (was a 500)', async (_name, cursor) => {
    const actor = await actorFor('manager');
    const error = await listEvents(db(), actor, { cursor }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    const res = errorResponse(error);
    expect(res.status).toBe(400);
    expect((await res.json()) as unknown).toMatchObject({ message: expect.stringMatching(/cursor/i) });
  });
});
