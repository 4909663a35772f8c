import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { wellbeingChecks } from '@/db/schema';
import { createIncident, WELLBEING_TYPES } from '@/lib/incidents/create-incident';
import { deviceAt } from '../../support/events';
import { actorFor, db, HOME_STORE, storeByCode } from '../../support/fixtures';

const checksFor = (incidentId: string) => db().select().from(wellbeingChecks).where(eq(wellbeingChecks.incidentId, incidentId));
const DAY = 24 * 3600_000;

describe('createIncident: wellbeing check-ins', () => {
  it.each(WELLBEING_TYPES)('a colleague’s %s report asks the store manager to check in within 24 hours', async (type) => {
    const colleague = await actorFor('colleague');
    const before = Date.now();
    const { id } = await createIncident(db(), colleague, { store: HOME_STORE, type }, { idempotencyKey: randomUUID(), source: 'pwa' });
    const checks = await checksFor(id);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ storeId: (await storeByCode(HOME_STORE)).id, colleagueId: colleague.id, doneAt: null });
    expect(checks[0]!.dueAt.getTime()).toBeGreaterThanOrEqual(before + DAY);
    expect(checks[0]!.dueAt.getTime()).toBeLessThanOrEqual(Date.now() + DAY);
  });

  it('also after a report made at a kiosk', async () => {
    const colleague = await actorFor('colleague');
    const kiosk = await deviceAt(HOME_STORE, 'kiosk');
    const { id } = await createIncident(db(), colleague, { store: HOME_STORE, type: 'threats_abuse' }, { idempotencyKey: randomUUID(), source: 'kiosk', device: kiosk });
    expect(await checksFor(id)).toHaveLength(1);
  });

  it('makes one check-in however often the same report is replayed', async () => {
    const colleague = await actorFor('colleague');
    const key = randomUUID();
    const first = await createIncident(db(), colleague, { store: HOME_STORE, type: 'violence_against_staff' }, { idempotencyKey: key, source: 'pwa' });
    await Promise.all([1, 2].map(() => createIncident(db(), colleague, { store: HOME_STORE, type: 'violence_against_staff' }, { idempotencyKey: key, source: 'pwa' })));
    expect(await checksFor(first.id)).toHaveLength(1);
  });

  it('does not ask for a check-in after a theft report', async () => {
    const colleague = await actorFor('colleague');
    const { id } = await createIncident(db(), colleague, { store: HOME_STORE, type: 'theft' }, { idempotencyKey: randomUUID(), source: 'pwa' });
    expect(await checksFor(id)).toHaveLength(0);
  });

  it('does not ask for a check-in when the console writes a report up', async () => {
    const security = await actorFor('security');
    const { id } = await createIncident(db(), security, { store: HOME_STORE, type: 'violence_against_staff' }, { idempotencyKey: randomUUID(), source: 'console' });
    expect(await checksFor(id)).toHaveLength(0);
  });
});
