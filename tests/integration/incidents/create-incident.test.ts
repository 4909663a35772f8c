import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, incidentEvents, incidents } from '@/db/schema';
import { createIncident } from '@/lib/incidents/create-incident';
import { Forbidden, Invalid } from '@/lib/errors';
import { actorFor, db, HOME_STORE, OTHER_STORE } from '../../support/fixtures';

const theft = { store: HOME_STORE, type: 'theft', goodsCategories: ['alcohol'], lossPence: 4599 };
const incidentCount = async () => (await db().select({ n: count() }).from(incidents))[0]!.n;

describe('createIncident', () => {
  it('stores the report with a human reference, a "created" event and an audit row', async () => {
    const colleague = await actorFor('colleague');
    const result = await createIncident(db(), colleague, theft, { idempotencyKey: randomUUID(), source: 'pwa' });
    expect(result.created).toBe(true);
    expect(result.ref).toMatch(/^INC-\d{4}-\d{6}$/);
    const [row] = await db().select().from(incidents).where(eq(incidents.id, result.id));
    expect(row).toMatchObject({ reporterId: colleague.id, lossPence: 4599, status: 'reported', severity: 'medium' });
    const events = await db().select().from(incidentEvents).where(eq(incidentEvents.incidentId, result.id));
    expect(events.map((e) => e.kind)).toEqual(['created']);
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, result.id));
    expect(audits.map((a) => a.action)).toEqual(['incident.create']);
  });

  it('is idempotent on the key: a replay returns the same incident and stores nothing new', async () => {
    const colleague = await actorFor('colleague');
    const key = randomUUID();
    const first = await createIncident(db(), colleague, theft, { idempotencyKey: key, source: 'pwa' });
    const before = await incidentCount();
    const again = await Promise.all([1, 2, 3].map(() => createIncident(db(), colleague, theft, { idempotencyKey: key, source: 'pwa' })));
    expect(again.every((r) => r.id === first.id && !r.created)).toBe(true);
    expect(await incidentCount()).toBe(before);
  });

  it('rejects an actor out of scope: a colleague cannot report into another store', async () => {
    const colleague = await actorFor('colleague');
    const before = await incidentCount();
    await expect(
      createIncident(db(), colleague, { ...theft, store: OTHER_STORE }, { idempotencyKey: randomUUID(), source: 'pwa' }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect(await incidentCount()).toBe(before);
  });

  it('rejects invalid input with every issue listed and stores nothing', async () => {
    const colleague = await actorFor('colleague');
    const before = await incidentCount();
    const error = await createIncident(db(), colleague, { store: HOME_STORE, type: 'shoplifting', lossPence: -1 }, { idempotencyKey: randomUUID(), source: 'pwa' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues.map((i) => i.path).sort()).toEqual(['lossPence', 'type']);
    expect(await incidentCount()).toBe(before);
  });

  it('rejects a key that is not a UUID', async () => {
    const colleague = await actorFor('colleague');
    await expect(createIncident(db(), colleague, theft, { idempotencyKey: 'abc', source: 'pwa' })).rejects.toBeInstanceOf(Invalid);
  });
});
