import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { incidents } from '@/db/schema';
import { changeIncidentStatus } from '@/lib/incidents/change-incident-status';
import { createIncident } from '@/lib/incidents/create-incident';
import { listMyReports } from '@/lib/incidents/list-my-reports';
import { actorFor, db, HOME_STORE } from '../../support/fixtures';

describe('listMyReports', () => {
  it('shows a colleague only their own reports', async () => {
    const [colleague, security] = await Promise.all([actorFor('colleague'), actorFor('security')]);
    const mine = await createIncident(db(), colleague, { store: HOME_STORE, type: 'theft' }, { idempotencyKey: randomUUID(), source: 'pwa' });
    const theirs = await createIncident(db(), security, { store: HOME_STORE, type: 'theft' }, { idempotencyKey: randomUUID(), source: 'pwa' });
    const list = await listMyReports(db(), colleague, 500);
    const ids = list.map((r) => r.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const reporters = await db().select({ id: incidents.id, reporterId: incidents.reporterId }).from(incidents).where(eq(incidents.reporterId, colleague.id));
    expect(new Set(ids)).toEqual(new Set(reporters.map((r) => r.id).filter((id) => ids.includes(id))));
    expect(list.every((r) => reporters.some((x) => x.id === r.id))).toBe(true);
    expect(list[0]!.id).toBe(mine.id); // newest first
  });

  it('shows the reporter status changes and messages written to them, in order, but never the team’s internal notes', async () => {
    const [colleague, manager] = await Promise.all([actorFor('colleague'), actorFor('manager')]);
    const marker = randomUUID();
    const { id, ref } = await createIncident(db(), colleague, { store: HOME_STORE, type: 'threats_abuse', description: 'Shouted at till 3' }, { idempotencyKey: randomUUID(), source: 'pwa' });
    await changeIncidentStatus(db(), manager, { id, from: 'reported', to: 'triaged', comment: `internal note ${marker}`, messageToReporter: `Thanks, we are on it ${marker}` });
    await changeIncidentStatus(db(), manager, { id, from: 'triaged', to: 'referred_to_police', crimeRef: 'GMP/99/26', comment: `second internal note ${marker}` });

    const report = (await listMyReports(db(), colleague)).find((r) => r.id === id);
    expect(report).toMatchObject({ ref, type: 'threats_abuse', status: 'referred_to_police', storeCode: HOME_STORE, policeCrimeRef: 'GMP/99/26' });
    expect(report!.steps.map((s) => [s.kind, s.status ?? s.text ?? null])).toEqual([
      ['created', null],
      ['status_changed', 'triaged'],
      ['message_to_reporter', `Thanks, we are on it ${marker}`],
      ['status_changed', 'referred_to_police'],
    ]);
    expect(report!.steps.find((s) => s.kind === 'message_to_reporter')?.from).toBe(manager.name.split(' ')[0]);
    expect(JSON.stringify(report)).not.toContain('internal note');
  });

  it('shows nothing to someone who has reported nothing', async () => {
    const regional = await actorFor('regional');
    const reported = await db().select({ id: incidents.id }).from(incidents).where(eq(incidents.reporterId, regional.id));
    expect(reported).toHaveLength(0);
    expect(await listMyReports(db(), regional)).toEqual([]);
  });
});
