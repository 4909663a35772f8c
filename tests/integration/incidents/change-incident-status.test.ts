import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, incidentEvents, incidents } from '@/db/schema';
import { Conflict, Forbidden, Invalid } from '@/lib/errors';
import { changeIncidentStatus } from '@/lib/incidents/change-incident-status';
import { createIncident } from '@/lib/incidents/create-incident';
import { actorFor, db, HOME_STORE } from '../../support/fixtures';

async function freshReport() {
  const colleague = await actorFor('colleague');
  return createIncident(db(), colleague, { store: HOME_STORE, type: 'threats_abuse' }, { idempotencyKey: randomUUID(), source: 'pwa' });
}

describe('changeIncidentStatus', () => {
  it('moves a report through triage to police referral, recording the timeline, a message and an audit row', async () => {
    const { id } = await freshReport();
    const manager = await actorFor('manager');
    await changeIncidentStatus(db(), manager, { id, from: 'reported', to: 'triaged', comment: 'Checked CCTV', messageToReporter: 'Thank you, we are looking into it.' });
    await changeIncidentStatus(db(), manager, { id, from: 'triaged', to: 'referred_to_police', crimeRef: 'GMP/123456/26' });
    const [row] = await db().select().from(incidents).where(eq(incidents.id, id));
    expect(row).toMatchObject({ status: 'referred_to_police', policeCrimeRef: 'GMP/123456/26', policeCalled: true });
    expect(row!.triagedAt).not.toBeNull();
    const timeline = await db().select().from(incidentEvents).where(eq(incidentEvents.incidentId, id)).orderBy(incidentEvents.createdAt);
    expect(timeline.map((e) => e.kind)).toEqual(['created', 'status_changed', 'comment', 'message_to_reporter', 'status_changed']);
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.filter((a) => a.action === 'incident.status')).toHaveLength(2);
  });

  it('refuses a stale view, a skipped step, and a referral without a crime reference', async () => {
    const { id } = await freshReport();
    const security = await actorFor('security');
    await changeIncidentStatus(db(), security, { id, from: 'reported', to: 'triaged' });
    await expect(changeIncidentStatus(db(), security, { id, from: 'reported', to: 'unfounded' })).rejects.toBeInstanceOf(Conflict);
    await expect(changeIncidentStatus(db(), security, { id, from: 'triaged', to: 'reported' })).rejects.toBeInstanceOf(Invalid);
    await expect(changeIncidentStatus(db(), security, { id, from: 'triaged', to: 'referred_to_police' })).rejects.toBeInstanceOf(Invalid);
  });

  it('rejects an actor out of scope', async () => {
    const { id } = await freshReport();
    await expect(changeIncidentStatus(db(), await actorFor('colleague'), { id, from: 'reported', to: 'triaged' })).rejects.toBeInstanceOf(Forbidden);
    await expect(changeIncidentStatus(db(), await actorFor('dpo'), { id, from: 'reported', to: 'triaged' })).rejects.toBeInstanceOf(Forbidden);
  });
});
