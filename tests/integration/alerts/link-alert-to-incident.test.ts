import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alertActions, alerts, auditLog, incidentEvents } from '@/db/schema';
import { linkAlertToIncident } from '@/lib/alerts/link-alert-to-incident';
import { Conflict, Forbidden, Invalid } from '@/lib/errors';
import { createIncident } from '@/lib/incidents/create-incident';
import { actorFor, db, HOME_STORE, OTHER_STORE } from '../../support/fixtures';
import { alertAt } from './alert-fixtures';

async function incidentAt(store: string) {
  return createIncident(
    db(),
    await actorFor('admin'),
    { store, type: 'theft' },
    { idempotencyKey: randomUUID(), source: 'pwa' },
  );
}

describe('linking an alert to an incident', () => {
  it('links to an incident at the same store, on both timelines, and audits it', async () => {
    const alert = await alertAt(HOME_STORE, { title: 'EAS gate' });
    const incident = await incidentAt(HOME_STORE);
    const security = await actorFor('security');
    // People type references in any case.
    const payload = await linkAlertToIncident(db(), security, {
      alertId: alert.id,
      incidentRef: ` ${incident.ref.toLowerCase()} `,
    });
    expect(payload).toMatchObject({ id: alert.id, incidentId: incident.id, incidentRef: incident.ref });
    const [row] = await db().select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row!.incidentId).toBe(incident.id);
    const events = await db()
      .select()
      .from(incidentEvents)
      .where(and(eq(incidentEvents.incidentId, incident.id), eq(incidentEvents.kind, 'alert_linked')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: security.id, data: { alertId: alert.id, title: 'EAS gate' } });
    const actions = await db().select().from(alertActions).where(eq(alertActions.alertId, alert.id));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      action: 'incident_linked',
      actorId: security.id,
      detail: { incidentId: incident.id, ref: incident.ref },
    });
    expect(
      await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, alert.id), eq(auditLog.action, 'alert.link_incident'))),
    ).toHaveLength(1);

    // Linking the same incident again changes nothing.
    await linkAlertToIncident(db(), security, { alertId: alert.id, incidentRef: incident.ref });
    expect(await db().select().from(alertActions).where(eq(alertActions.alertId, alert.id))).toHaveLength(1);
  });

  it('refuses an incident from another store, even for someone who can see both, and an unknown or malformed reference', async () => {
    const alert = await alertAt(HOME_STORE);
    const elsewhere = await incidentAt(OTHER_STORE);
    await expect(
      linkAlertToIncident(db(), await actorFor('admin'), { alertId: alert.id, incidentRef: elsewhere.ref }),
    ).rejects.toBeInstanceOf(Invalid);
    await expect(
      linkAlertToIncident(db(), await actorFor('security'), { alertId: alert.id, incidentRef: elsewhere.ref }),
    ).rejects.toBeInstanceOf(Invalid);
    await expect(
      linkAlertToIncident(db(), await actorFor('security'), { alertId: alert.id, incidentRef: 'INC-1999-999999' }),
    ).rejects.toBeInstanceOf(Invalid);
    await expect(
      linkAlertToIncident(db(), await actorFor('security'), { alertId: alert.id, incidentRef: 'the big one' }),
    ).rejects.toBeInstanceOf(Invalid);
    const [row] = await db().select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row!.incidentId).toBeNull();
    expect(
      await db()
        .select()
        .from(incidentEvents)
        .where(and(eq(incidentEvents.incidentId, elsewhere.id), eq(incidentEvents.kind, 'alert_linked'))),
    ).toHaveLength(0);
  });

  it('keeps one incident per alert: linking another one is refused', async () => {
    const alert = await alertAt(HOME_STORE);
    const [first, second] = [await incidentAt(HOME_STORE), await incidentAt(HOME_STORE)];
    const security = await actorFor('security');
    await linkAlertToIncident(db(), security, { alertId: alert.id, incidentRef: first.ref });
    await expect(
      linkAlertToIncident(db(), security, { alertId: alert.id, incidentRef: second.ref }),
    ).rejects.toBeInstanceOf(Conflict);
  });

  it('lets exactly one of two simultaneous links to different incidents win', async () => {
    const alert = await alertAt(HOME_STORE);
    const [first, second] = [await incidentAt(HOME_STORE), await incidentAt(HOME_STORE)];
    const results = await Promise.allSettled([
      linkAlertToIncident(db(), await actorFor('security'), { alertId: alert.id, incidentRef: first.ref }),
      linkAlertToIncident(db(), await actorFor('manager'), { alertId: alert.id, incidentRef: second.ref }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect(await db().select().from(alertActions).where(eq(alertActions.alertId, alert.id))).toHaveLength(1);
  });

  it('rejects an actor out of scope', async () => {
    const far = await alertAt(OTHER_STORE);
    const farIncident = await incidentAt(OTHER_STORE);
    await expect(
      linkAlertToIncident(db(), await actorFor('security'), { alertId: far.id, incidentRef: farIncident.ref }),
    ).rejects.toBeInstanceOf(Forbidden);
    const mine = await alertAt(HOME_STORE);
    const incident = await incidentAt(HOME_STORE);
    await expect(
      linkAlertToIncident(db(), await actorFor('colleague'), { alertId: mine.id, incidentRef: incident.ref }),
    ).rejects.toBeInstanceOf(Forbidden);
  });
});
