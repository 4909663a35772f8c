import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, kioskEnrolments } from '@/db/schema';
import { sha256Hex } from '@/lib/auth/crypto';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { createEnrolmentCode, normaliseEnrolmentCode } from '@/lib/kiosk/create-enrolment-code';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';

// Two groups of four from an alphabet without 0/O and 1/I/L, so it can be read off a screen.
const CODE_SHAPE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

const enrolmentOf = async (code: string) =>
  (await db().select().from(kioskEnrolments).where(eq(kioskEnrolments.codeHash, sha256Hex(normaliseEnrolmentCode(code)))))[0];

const enrolmentCount = async (storeCode: string) => {
  const store = await storeByCode(storeCode);
  return (await db().select({ n: count() }).from(kioskEnrolments).where(eq(kioskEnrolments.storeId, store.id)))[0]!.n;
};

describe('createEnrolmentCode', () => {
  it('gives the store manager a one-time XXXX-XXXX code for their store that expires in 10 minutes, stored only hashed and audited', async () => {
    const manager = await actorFor('manager');
    const before = Date.now();
    const result = await createEnrolmentCode(db(), manager, { store: HOME_STORE });
    expect(result.store).toBe(HOME_STORE);
    expect(result.code).toMatch(CODE_SHAPE);
    expect(result.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 10 * 60_000);
    expect(result.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000);

    const row = await enrolmentOf(result.code);
    expect(row).toMatchObject({ storeId: (await storeByCode(HOME_STORE)).id, createdBy: manager.id, usedAt: null, deviceId: null });
    expect(JSON.stringify(row)).not.toContain(result.code.replace('-', ''));

    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, 'kiosk.enrolment.create')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: manager.id, entityType: 'kiosk_enrolment', detail: { store: HOME_STORE } });
    expect(JSON.stringify(audits[0])).not.toContain(result.code.replace('-', ''));
  });

  it('makes a different code each time', async () => {
    const manager = await actorFor('manager');
    const codes = await Promise.all([1, 2, 3, 4, 5].map(() => createEnrolmentCode(db(), manager, { store: HOME_STORE })));
    expect(new Set(codes.map((c) => c.code)).size).toBe(5);
  });

  it('lets an administrator make a code for any store', async () => {
    const admin = await actorFor('admin');
    const result = await createEnrolmentCode(db(), admin, { store: OTHER_STORE });
    expect(result.store).toBe(OTHER_STORE);
    expect((await enrolmentOf(result.code))?.storeId).toBe((await storeByCode(OTHER_STORE)).id);
  });

  it('rejects an actor out of scope: a manager cannot make a code for another store, and nothing is stored', async () => {
    const manager = await actorFor('manager');
    const before = await enrolmentCount(OTHER_STORE);
    await expect(createEnrolmentCode(db(), manager, { store: OTHER_STORE })).rejects.toBeInstanceOf(Forbidden);
    expect(await enrolmentCount(OTHER_STORE)).toBe(before);
  });

  it.each(['colleague', 'security', 'regional'])('refuses %s, who is not a store manager or administrator', async (who) => {
    const actor = await actorFor(who);
    const before = await enrolmentCount(HOME_STORE);
    await expect(createEnrolmentCode(db(), actor, { store: HOME_STORE })).rejects.toBeInstanceOf(Forbidden);
    expect(await enrolmentCount(HOME_STORE)).toBe(before);
  });

  it('says an unknown store was not found and rejects a missing store', async () => {
    const admin = await actorFor('admin');
    await expect(createEnrolmentCode(db(), admin, { store: 'NOPE99' })).rejects.toBeInstanceOf(NotFound);
    await expect(createEnrolmentCode(db(), admin, { store: '  ' })).rejects.toBeInstanceOf(Invalid);
  });
});
