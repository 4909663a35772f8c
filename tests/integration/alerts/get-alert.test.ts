import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alerts, posTransactions } from '@/db/schema';
import { acknowledgeAlert, resolveAlert } from '@/lib/alerts/act-on-alert';
import { assignAlert } from '@/lib/alerts/assign-alert';
import { escalateAlert } from '@/lib/alerts/escalate-alert';
import { getAlert } from '@/lib/alerts/get-alert';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { createDevice } from '@/lib/devices/create-device';
import { Forbidden, NotFound } from '@/lib/errors';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';
import { alertAt, eventsAt } from './alert-fixtures';

describe('one alert with its timeline and triggers', () => {
  it('records every action with actor and time, escalation included, oldest first', async () => {
    const alert = await alertAt(HOME_STORE, { detail: { recipients: ['security'] } });
    const [security, manager, colleague] = [
      await actorFor('security'),
      await actorFor('manager'),
      await actorFor('colleague'),
    ];
    expect(await escalateAlert(db(), alert.id)).toBe(true);
    await acknowledgeAlert(db(), security, alert.id);
    await assignAlert(db(), security, { alertId: alert.id, userId: colleague.id });
    await resolveAlert(db(), manager, alert.id, { outcome: 'deterred' });

    const detail = await getAlert(db(), security, alert.id);
    expect(detail.alert).toMatchObject({
      id: alert.id,
      storeCode: HOME_STORE,
      status: 'resolved',
      outcome: 'deterred',
      assignedTo: { id: colleague.id, name: 'Casey Colleague' },
      escalatedTo: 'store_manager',
    });
    expect(detail.actions.map((a) => [a.action, a.by])).toEqual([
      ['escalated', null],
      ['acknowledged', 'Sam Security'],
      ['assigned', 'Sam Security'],
      ['resolved', 'Morgan Manager'],
    ]);
    expect(detail.actions[0]!.detail).toMatchObject({ to: 'store_manager' });
    expect(detail.actions[3]!.detail).toEqual({ outcome: 'deterred' });
    expect(detail.actions.every((a) => !Number.isNaN(Date.parse(a.at)))).toBe(true);
  });

  it('a lost race records no action row', async () => {
    const alert = await alertAt(HOME_STORE);
    const [a, b] = [await actorFor('security'), await actorFor('manager')];
    await Promise.allSettled([acknowledgeAlert(db(), a, alert.id), acknowledgeAlert(db(), b, alert.id)]);
    const detail = await getAlert(db(), a, alert.id);
    expect(detail.actions.filter((x) => x.action === 'acknowledged')).toHaveLength(1);
  });

  it('shows the triggering camera events (safe snapshot links only) and till transactions', async () => {
    const ids = await eventsAt(HOME_STORE, [
      {
        type: 'person_detected',
        zoneLabel: 'exit',
        payload: {
          camera: 'mcr01_exit',
          label: 'person',
          hasSnapshot: true,
          currentZones: ['exit', 'tills'],
          snapshotUrl: 'https://nvr.example/api/events/1/snapshot.jpg',
        },
      },
      { type: 'eas_alarm', payload: { snapshotUrl: 'javascript:alert(1)', nested: { no: 'thanks' } } },
    ]);
    const store = await storeByCode(HOME_STORE);
    const till = await createDevice(db(), CLI_OPERATOR, { store: HOME_STORE, kind: 'pos', vendor: 'test' });
    const [tx] = await db()
      .insert(posTransactions)
      .values({
        occurredAt: new Date(),
        storeId: store.id,
        deviceId: till.id,
        terminalId: 'T3',
        operatorPseudo: 'op-secret',
        type: 'return',
        totalPence: -4599,
        flags: ['no_receipt'],
        lines: [{ description: 'Whisky 70cl', quantity: 1, amountPence: -4599 }],
        vendorTransactionId: randomUUID(),
      })
      .returning();
    const alert = await alertAt(HOME_STORE, { triggeringEventIds: [...ids, tx!.id] });

    const detail = await getAlert(db(), await actorFor('security'), alert.id);
    expect(detail.events.map((e) => e.type)).toEqual(['person_detected', 'eas_alarm']);
    expect(detail.events[0]).toMatchObject({
      zone: 'exit',
      hasSnapshot: true,
      snapshotUrl: 'https://nvr.example/api/events/1/snapshot.jpg',
      data: { camera: 'mcr01_exit', currentZones: 'exit, tills' },
    });
    expect(detail.events[1]!.snapshotUrl).toBeNull();
    expect(detail.events[1]!.data).toEqual({});
    expect(detail.transactions).toHaveLength(1);
    expect(detail.transactions[0]).toMatchObject({
      terminalId: 'T3',
      type: 'return',
      totalPence: -4599,
      flags: ['no_receipt'],
      lines: [{ description: 'Whisky 70cl' }],
    });
    expect(JSON.stringify(detail)).not.toContain('op-secret');
  });

  it('rejects an actor out of scope, and an unknown alert', async () => {
    const far = await alertAt(OTHER_STORE);
    await expect(getAlert(db(), await actorFor('security'), far.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(getAlert(db(), await actorFor('colleague'), far.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(getAlert(db(), await actorFor('security'), randomUUID())).rejects.toBeInstanceOf(NotFound);
    const [row] = await db().select().from(alerts).where(eq(alerts.id, far.id));
    expect(row).toBeTruthy();
  });
});
