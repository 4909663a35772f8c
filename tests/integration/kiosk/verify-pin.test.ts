import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { DEMO_PIN } from '@/db/seed/seed-demo';
import { Invalid, TooManyRequests } from '@/lib/errors';
import { PIN_ATTEMPTS_PER_KIOSK, PIN_LOCK_MINUTES, PIN_MAX_ATTEMPTS, verifyKioskPin } from '@/lib/kiosk/verify-pin';
import { actorFor, db, HOME_STORE, OTHER_STORE } from '../../support/fixtures';
import { deviceAt } from '../../support/events';
import { freshPerson } from '../../support/staff';

// Every test uses its own kiosk (the per-kiosk limit is 10 tries a minute) and, where
// it changes a person's PIN state, its own person.
const freshKiosk = (store = HOME_STORE) => deviceAt(store, 'kiosk');
const failure = (p: Promise<unknown>) =>
  p.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
const auditsOf = (deviceId: string) =>
  db()
    .select()
    .from(auditLog)
    .where(eq(auditLog.actorLabel, `kiosk:${deviceId}`))
    .orderBy(auditLog.seq);
const WRONG_PIN = (pin: string) => (pin === '0000' ? '0001' : '0000');

describe('verifyKioskPin', () => {
  it('identifies a colleague of the kiosk’s store by staff number and PIN, and audits it', async () => {
    const kiosk = await freshKiosk();
    const colleague = await actorFor('colleague');
    expect(await verifyKioskPin(db(), kiosk, { staffNumber: '100001', pin: DEMO_PIN })).toEqual({
      userId: colleague.id,
    });
    const audits = await auditsOf(kiosk.id);
    expect(audits.map((a) => a.action)).toEqual(['kiosk.pin.ok']);
    expect(audits[0]).toMatchObject({ actorId: colleague.id, entityId: colleague.id, detail: { store: HOME_STORE } });
    expect(JSON.stringify(audits[0])).not.toContain(DEMO_PIN);
  });

  it('says how many tries are left after a wrong PIN, and audits the failure', async () => {
    const kiosk = await freshKiosk();
    const person = await freshPerson(HOME_STORE);
    const first = await failure(
      verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: WRONG_PIN(person.pin) }),
    );
    expect(first).toBeInstanceOf(Invalid);
    expect((first as Invalid).message).toContain(`${PIN_MAX_ATTEMPTS - 1} tries left`);
    const second = await failure(
      verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: WRONG_PIN(person.pin) }),
    );
    expect((second as Invalid).message).toContain(`${PIN_MAX_ATTEMPTS - 2} tries left`);
    const audits = await auditsOf(kiosk.id);
    expect(audits.map((a) => [a.action, a.entityId])).toEqual([
      ['kiosk.pin.failed', person.actor.id],
      ['kiosk.pin.failed', person.actor.id],
    ]);
  });

  it('forgets earlier wrong tries once the right PIN is entered', async () => {
    const kiosk = await freshKiosk();
    const person = await freshPerson(HOME_STORE);
    for (let i = 0; i < 3; i++)
      await failure(verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: WRONG_PIN(person.pin) }));
    await verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: person.pin });
    const next = await failure(
      verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: WRONG_PIN(person.pin) }),
    );
    expect((next as Invalid).message).toContain(`${PIN_MAX_ATTEMPTS - 1} tries left`);
  });

  it(`locks the PIN on the ${PIN_MAX_ATTEMPTS}th wrong try (429), then refuses even the right PIN while locked`, async () => {
    const kiosk = await freshKiosk();
    const person = await freshPerson(HOME_STORE);
    const results: unknown[] = [];
    for (let i = 0; i < PIN_MAX_ATTEMPTS; i++)
      results.push(
        await failure(verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: WRONG_PIN(person.pin) })),
      );
    expect(results.slice(0, -1).every((e) => e instanceof Invalid)).toBe(true);
    const lock = results.at(-1) as TooManyRequests;
    expect(lock).toBeInstanceOf(TooManyRequests);
    expect(lock.status).toBe(429);
    expect(lock.message).toContain(`locked for ${PIN_LOCK_MINUTES} minutes`);

    const refused = await failure(verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: person.pin }));
    expect(refused).toBeInstanceOf(TooManyRequests);
    expect((refused as TooManyRequests).status).toBe(429);
    expect((refused as TooManyRequests).message).toMatch(/Try again in 1[45] minutes/);
    expect((refused as TooManyRequests).retryAfterSeconds).toBeGreaterThan(0);

    const actions = (await auditsOf(kiosk.id)).map((a) => a.action);
    expect(actions).toEqual([
      ...Array<string>(PIN_MAX_ATTEMPTS - 1).fill('kiosk.pin.failed'),
      'kiosk.pin.locked',
      'kiosk.pin.refused_locked',
    ]);
    expect(actions).not.toContain('kiosk.pin.ok');
  });

  it('locks the PIN even when the wrong tries arrive all at once', async () => {
    const kiosk = await freshKiosk();
    const person = await freshPerson(HOME_STORE);
    const results = await Promise.all(
      Array.from({ length: PIN_MAX_ATTEMPTS }, () =>
        failure(verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: WRONG_PIN(person.pin) })),
      ),
    );
    expect(results.filter((e) => e instanceof TooManyRequests)).toHaveLength(1);
    expect(
      await failure(verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: person.pin })),
    ).toBeInstanceOf(TooManyRequests);
  });

  it('lets the right PIN in again once the 15-minute lock has run out, with a full set of tries', async () => {
    const kiosk = await freshKiosk();
    const person = await freshPerson(HOME_STORE);
    for (let i = 0; i < PIN_MAX_ATTEMPTS; i++)
      await failure(verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: WRONG_PIN(person.pin) }));
    const [locked] = await db()
      .select({ until: users.pinLockedUntil })
      .from(users)
      .where(eq(users.id, person.actor.id));
    expect(locked!.until!.getTime() - Date.now()).toBeGreaterThan((PIN_LOCK_MINUTES - 1) * 60_000);
    // Fifteen minutes later, as far as the database is concerned.
    await db()
      .update(users)
      .set({ pinLockedUntil: sql`now() - interval '1 second'` })
      .where(eq(users.id, person.actor.id));

    expect(await verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: person.pin })).toEqual({
      userId: person.actor.id,
    });
    const next = await failure(
      verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: WRONG_PIN(person.pin) }),
    );
    expect(next).toBeInstanceOf(Invalid);
    expect((next as Invalid).message).toContain(`${PIN_MAX_ATTEMPTS - 1} tries left`);
  });

  it('answers an unknown staff number exactly as it answers a wrong PIN, so staff numbers cannot be discovered', async () => {
    const kiosk = await freshKiosk();
    const person = await freshPerson(HOME_STORE);
    const wrongPin = await failure(
      verifyKioskPin(db(), kiosk, { staffNumber: person.staffNumber, pin: WRONG_PIN(person.pin) }),
    );
    const unknown = await failure(verifyKioskPin(db(), kiosk, { staffNumber: '99999999999', pin: person.pin }));
    expect(unknown).toBeInstanceOf(Invalid);
    expect((unknown as Invalid).issues).toEqual((wrongPin as Invalid).issues);
    const [audit] = (await auditsOf(kiosk.id)).filter((a) => a.detail.reason === 'unknown staff number');
    expect(audit).toMatchObject({ action: 'kiosk.pin.failed', actorId: null, entityId: null });
    // A wrong PIN for a real staff number adds "4 tries left…"; an unknown one must say the same.
    expect((unknown as Invalid).message).toBe((wrongPin as Invalid).message);
  });

  it('refuses a colleague of another store at this kiosk, even with their right PIN, without counting it against them', async () => {
    const kiosk = await freshKiosk(OTHER_STORE);
    const colleague = await actorFor('colleague');
    const error = await failure(verifyKioskPin(db(), kiosk, { staffNumber: '100001', pin: DEMO_PIN }));
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toMatch(/do not match/);
    const [row] = await db()
      .select({ attempts: users.pinFailedAttempts, until: users.pinLockedUntil })
      .from(users)
      .where(eq(users.id, colleague.id));
    expect(row).toEqual({ attempts: 0, until: null });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorLabel, `kiosk:${kiosk.id}`))
      .orderBy(desc(auditLog.seq));
    expect(audit).toMatchObject({ action: 'kiosk.pin.failed', entityId: null });
  });

  it('slows down guessing across many staff numbers on one kiosk', async () => {
    const kiosk = await freshKiosk();
    const outcomes: unknown[] = [];
    for (let i = 0; i < 11; i++)
      outcomes.push(await failure(verifyKioskPin(db(), kiosk, { staffNumber: `8000000${i}`, pin: '1111' })));
    expect(outcomes.slice(0, 10).every((e) => e instanceof Invalid)).toBe(true);
    expect(outcomes[10]).toBeInstanceOf(TooManyRequests);
    expect((outcomes[10] as TooManyRequests).message).toMatch(/on this kiosk/);
  });

  it('rejects malformed input', async () => {
    const kiosk = await freshKiosk();
    const error = await failure(verifyKioskPin(db(), kiosk, { staffNumber: 'abc', pin: '12' }));
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues.map((i) => i.path).sort()).toEqual(['pin', 'staffNumber']);
  });

  it(`takes at most ${PIN_ATTEMPTS_PER_KIOSK} PIN attempts a minute from one kiosk, across staff numbers, even when they race`, async () => {
    const kiosk = await freshKiosk();
    const results = await Promise.all(
      Array.from({ length: PIN_ATTEMPTS_PER_KIOSK + 5 }, (_, i) =>
        failure(verifyKioskPin(db(), kiosk, { staffNumber: `8888800${String(i).padStart(2, '0')}`, pin: '0000' })),
      ),
    );
    expect(results.filter((e) => e instanceof Invalid)).toHaveLength(PIN_ATTEMPTS_PER_KIOSK);
    const limited = results.filter((e) => e instanceof TooManyRequests);
    expect(limited).toHaveLength(5);
    expect((limited[0] as TooManyRequests).message).toMatch(/Too many PIN attempts on this kiosk/);
  });
});
