import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alertActions, alerts, auditLog, incidentEvents, incidents, zones } from '@/db/schema';
import { createIncidentFromAlert } from '@/lib/alerts/create-incident-from-alert';
import { incidentTypeForAlert } from '@/lib/alerts/incident-type-for-alert';
import { Conflict, Forbidden, Invalid } from '@/lib/errors';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';
import { alertAt, eventsAt } from './alert-fixtures';

const incidentsLinkedTo = async (alertId: string) =>
  (
    await db()
      .select({ n: count() })
      .from(incidentEvents)
      .where(and(eq(incidentEvents.kind, 'alert_linked'), sql`${incidentEvents.data}->>'alertId' = ${alertId}`))
  )[0]!.n;

describe('creating an incident from an alert', () => {
  it('pre-fills store, zone, type, time and description, links both ways, records the action and audits it', async () => {
    const store = await storeByCode(HOME_STORE);
    const [zone] = await db()
      .select()
      .from(zones)
      .where(and(eq(zones.storeId, store.id), eq(zones.kind, 'tills')));
    const createdAt = new Date(Date.now() - 10 * 60_000);
    const alert = await alertAt(HOME_STORE, {
      title: 'Panic button',
      severity: 'critical',
      source: 'panic',
      zoneId: zone!.id,
      createdAt,
      detail: { reason: '1 × panic within 1 min' },
    });
    const security = await actorFor('security');

    const result = await createIncidentFromAlert(
      db(),
      security,
      { alertId: alert.id },
      { idempotencyKey: randomUUID() },
    );
    expect(result).toMatchObject({ created: true, ref: expect.stringMatching(/^INC-\d{4}-\d{6}$/) });
    expect(result.alert).toMatchObject({ id: alert.id, incidentId: result.id, incidentRef: result.ref });

    const [incident] = await db().select().from(incidents).where(eq(incidents.id, result.id));
    expect(incident).toMatchObject({
      storeId: store.id,
      zoneId: zone!.id,
      type: 'threats_abuse',
      source: 'console',
      reporterId: security.id,
      status: 'reported',
    });
    expect(incident!.occurredAt.toISOString()).toBe(createdAt.toISOString());
    expect(incident!.description).toContain('Panic button: 1 × panic within 1 min');

    const [row] = await db().select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row!.incidentId).toBe(result.id);
    const events = await db().select().from(incidentEvents).where(eq(incidentEvents.incidentId, result.id));
    expect(events.map((e) => e.kind).sort()).toEqual(['alert_linked', 'created']);
    const actions = await db().select().from(alertActions).where(eq(alertActions.alertId, alert.id));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      action: 'incident_created',
      actorId: security.id,
      detail: { incidentId: result.id, ref: result.ref },
    });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, alert.id), eq(auditLog.action, 'alert.create_incident')));
    expect(audits).toHaveLength(1);
  });

  it('guesses the type from the triggering events, and takes overrides', async () => {
    const ids = await eventsAt(HOME_STORE, [{ type: 'person_detected' }, { type: 'eas_alarm' }]);
    const gate = await alertAt(HOME_STORE, {
      title: 'Gate alarm with a person at the exit',
      source: 'sensor',
      triggeringEventIds: ids,
    });
    const manager = await actorFor('manager');
    const theft = await createIncidentFromAlert(db(), manager, { alertId: gate.id }, { idempotencyKey: randomUUID() });
    expect((await db().select().from(incidents).where(eq(incidents.id, theft.id)))[0]!.type).toBe('theft');

    const till = await alertAt(HOME_STORE, { title: 'Refund without receipt', source: 'pos' });
    const overridden = await createIncidentFromAlert(
      db(),
      manager,
      { alertId: till.id, type: 'other', description: 'Checked: a training refund.' },
      { idempotencyKey: randomUUID() },
    );
    const [row] = await db().select().from(incidents).where(eq(incidents.id, overridden.id));
    expect(row).toMatchObject({ type: 'other', description: 'Checked: a training refund.' });
  });

  it('maps alert sources and events to incident types', () => {
    expect(incidentTypeForAlert({ source: 'panic' })).toBe('threats_abuse');
    expect(incidentTypeForAlert({ source: 'sensor', eventTypes: ['eas_alarm', 'eas_alarm'] })).toBe('theft');
    expect(incidentTypeForAlert({ source: 'camera', eventTypes: ['shelf_sweep'] })).toBe('theft');
    expect(incidentTypeForAlert({ source: 'camera', eventTypes: ['tamper'] })).toBe('criminal_damage');
    expect(incidentTypeForAlert({ source: 'camera', eventTypes: ['loitering'] })).toBe('suspicious_activity');
    expect(incidentTypeForAlert({ source: 'pos' })).toBe('fraud');
    expect(incidentTypeForAlert({ source: 'sensor', title: 'Repeated EAS alarms' })).toBe('theft');
    expect(incidentTypeForAlert({ source: 'staff' })).toBe('other');
    expect(incidentTypeForAlert({})).toBe('other');
  });

  it('returns the same incident for the same Idempotency-Key, and refuses a second incident for a linked alert', async () => {
    const alert = await alertAt(HOME_STORE, { title: 'Panic button', source: 'panic' });
    const security = await actorFor('security');
    const key = randomUUID();
    const first = await createIncidentFromAlert(db(), security, { alertId: alert.id }, { idempotencyKey: key });
    const again = await createIncidentFromAlert(db(), security, { alertId: alert.id }, { idempotencyKey: key });
    expect(again).toMatchObject({ id: first.id, ref: first.ref, created: false });
    await expect(
      createIncidentFromAlert(db(), security, { alertId: alert.id }, { idempotencyKey: randomUUID() }),
    ).rejects.toBeInstanceOf(Conflict);
    expect(await incidentsLinkedTo(alert.id)).toBe(1);
  });

  it('makes exactly one incident and one link when two consoles tap at once', async () => {
    const alert = await alertAt(HOME_STORE, { title: 'Panic button', source: 'panic' });
    const [a, b] = [await actorFor('security'), await actorFor('manager')];
    const results = await Promise.allSettled([
      createIncidentFromAlert(db(), a, { alertId: alert.id }, { idempotencyKey: randomUUID() }),
      createIncidentFromAlert(db(), b, { alertId: alert.id }, { idempotencyKey: randomUUID() }),
      createIncidentFromAlert(db(), a, { alertId: alert.id }, { idempotencyKey: randomUUID() }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .every((r) => (r as PromiseRejectedResult).reason instanceof Conflict),
    ).toBe(true);
    expect(await incidentsLinkedTo(alert.id)).toBe(1);
    const actions = await db()
      .select()
      .from(alertActions)
      .where(and(eq(alertActions.alertId, alert.id), eq(alertActions.action, 'incident_created')));
    expect(actions).toHaveLength(1);
    const [row] = await db().select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row!.incidentId).toBe(
      (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: string }>).value.id,
    );
  });

  it('rejects an actor out of scope and a bad key, and stores nothing', async () => {
    const before = (await db().select({ n: count() }).from(incidents))[0]!.n;
    const far = await alertAt(OTHER_STORE);
    await expect(
      createIncidentFromAlert(db(), await actorFor('security'), { alertId: far.id }, { idempotencyKey: randomUUID() }),
    ).rejects.toBeInstanceOf(Forbidden);
    const mine = await alertAt(HOME_STORE);
    await expect(
      createIncidentFromAlert(
        db(),
        await actorFor('colleague'),
        { alertId: mine.id },
        { idempotencyKey: randomUUID() },
      ),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      createIncidentFromAlert(db(), await actorFor('security'), { alertId: mine.id }, { idempotencyKey: 'nope' }),
    ).rejects.toBeInstanceOf(Invalid);
    await expect(
      createIncidentFromAlert(
        db(),
        await actorFor('security'),
        { alertId: mine.id, type: 'kidnap' },
        { idempotencyKey: randomUUID() },
      ),
    ).rejects.toBeInstanceOf(Invalid);
    expect((await db().select({ n: count() }).from(incidents))[0]!.n).toBe(before);
  });
});
