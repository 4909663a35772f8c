import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alertActions, alerts, auditLog } from '@/db/schema';
import { resolveAlert } from '@/lib/alerts/act-on-alert';
import { assignAlert, listAssignableColleagues } from '@/lib/alerts/assign-alert';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';
import { alertAt } from './alert-fixtures';

describe('assigning alerts', () => {
  it('lists the colleagues on shift at the store: store-level colleague, security and manager only', async () => {
    const store = await storeByCode(HOME_STORE);
    const people = await listAssignableColleagues(db(), await actorFor('security'), store.id);
    const names = people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Casey Colleague', 'Sam Security', 'Morgan Manager']));
    expect(names).not.toContain('Riley Regional');
    expect(names).not.toContain('Alex Admin');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('assigns an alert to a colleague, records the action with actor and time, audits it and returns who', async () => {
    const alert = await alertAt(HOME_STORE);
    const [security, colleague] = [await actorFor('security'), await actorFor('colleague')];
    const payload = await assignAlert(db(), security, { alertId: alert.id, userId: colleague.id });
    expect(payload).toMatchObject({
      id: alert.id,
      storeCode: HOME_STORE,
      assignedTo: { id: colleague.id, name: 'Casey Colleague' },
    });
    const [row] = await db().select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row).toMatchObject({ assignedTo: colleague.id, assignedBy: security.id });
    expect(row!.assignedAt).toBeInstanceOf(Date);
    const actions = await db().select().from(alertActions).where(eq(alertActions.alertId, alert.id));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      action: 'assigned',
      actorId: security.id,
      detail: { to: colleague.id, toName: 'Casey Colleague' },
    });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, alert.id), eq(auditLog.action, 'alert.assign')));
    expect(audits).toHaveLength(1);
  });

  it('lets someone reassign it; both are on the timeline and the latest stands', async () => {
    const alert = await alertAt(HOME_STORE);
    const [security, manager, colleague] = [
      await actorFor('security'),
      await actorFor('manager'),
      await actorFor('colleague'),
    ];
    await assignAlert(db(), security, { alertId: alert.id, userId: colleague.id });
    const payload = await assignAlert(db(), manager, { alertId: alert.id, userId: security.id });
    expect(payload.assignedTo).toMatchObject({ id: security.id });
    const actions = await db().select().from(alertActions).where(eq(alertActions.alertId, alert.id));
    expect(actions.map((a) => a.detail.to)).toEqual([colleague.id, security.id]);
  });

  it('refuses an assignee who does not work at the alert’s store', async () => {
    const alert = await alertAt(HOME_STORE);
    const security = await actorFor('security');
    for (const local of ['regional', 'admin', 'investigator']) {
      const elsewhere = await actorFor(local);
      await expect(assignAlert(db(), security, { alertId: alert.id, userId: elsewhere.id })).rejects.toBeInstanceOf(
        Invalid,
      );
    }
    await expect(
      assignAlert(db(), security, { alertId: alert.id, userId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toBeInstanceOf(Invalid);
    await expect(assignAlert(db(), security, { alertId: alert.id, userId: 'not-a-uuid' })).rejects.toBeInstanceOf(
      Invalid,
    );
    // The colleague of HOME_STORE is not on shift at OTHER_STORE either.
    const far = await alertAt(OTHER_STORE);
    await expect(
      assignAlert(db(), await actorFor('admin'), { alertId: far.id, userId: (await actorFor('colleague')).id }),
    ).rejects.toBeInstanceOf(Invalid);
    const [row] = await db().select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row!.assignedTo).toBeNull();
  });

  it('rejects an actor out of scope, and an unknown alert', async () => {
    const colleague = await actorFor('colleague');
    const far = await alertAt(OTHER_STORE);
    await expect(
      assignAlert(db(), await actorFor('security'), { alertId: far.id, userId: colleague.id }),
    ).rejects.toBeInstanceOf(Forbidden);
    const mine = await alertAt(HOME_STORE);
    await expect(assignAlert(db(), colleague, { alertId: mine.id, userId: colleague.id })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(
      assignAlert(db(), await actorFor('investigator'), { alertId: mine.id, userId: colleague.id }),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(listAssignableColleagues(db(), await actorFor('security'), far.storeId)).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(
      assignAlert(db(), await actorFor('security'), {
        alertId: '00000000-0000-4000-8000-000000000000',
        userId: colleague.id,
      }),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('cannot assign a resolved alert', async () => {
    const alert = await alertAt(HOME_STORE);
    const security = await actorFor('security');
    await resolveAlert(db(), security, alert.id, { outcome: 'false_alarm' });
    await expect(assignAlert(db(), security, { alertId: alert.id, userId: security.id })).rejects.toBeInstanceOf(
      Conflict,
    );
  });
});
