import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, devices, kioskEnrolments } from '@/db/schema';
import { sha256Hex } from '@/lib/auth/crypto';
import { Invalid, TooManyRequests } from '@/lib/errors';
import { authenticateKiosk } from '@/lib/kiosk/authenticate-kiosk';
import { createEnrolmentCode, normaliseEnrolmentCode } from '@/lib/kiosk/create-enrolment-code';
import { PAIR_ATTEMPTS_PER_ADDRESS, pairKiosk } from '@/lib/kiosk/pair-kiosk';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';

const codeHash = (code: string) => sha256Hex(normaliseEnrolmentCode(code));

async function freshCode(store = HOME_STORE) {
  const who = store === HOME_STORE ? await actorFor('manager') : await actorFor('admin');
  return (await createEnrolmentCode(db(), who, { store })).code;
}

async function kioskDevicesAt(store: string) {
  const { id } = await storeByCode(store);
  return db()
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.storeId, id), eq(devices.kind, 'kiosk')));
}

describe('pairKiosk', () => {
  it('turns a fresh code into a kiosk device key for the code’s store, marks the code used and audits the pairing', async () => {
    const code = await freshCode();
    const paired = await pairKiosk(db(), { store: HOME_STORE, code }, '203.0.113.7');
    expect(paired.store).toBe(HOME_STORE);
    expect(paired.deviceKey).toMatch(/^vgk_/);

    const session = await authenticateKiosk(db(), paired.deviceKey, undefined);
    expect(session.device).toMatchObject({ id: paired.deviceId, kind: 'kiosk', storeCode: HOME_STORE });
    expect(session.colleague).toBeNull();

    const [row] = await db().select().from(devices).where(eq(devices.id, paired.deviceId));
    expect(row!.apiKeyHash).toBe(sha256Hex(paired.deviceKey));
    expect(JSON.stringify(row)).not.toContain(paired.deviceKey);

    const [enrolment] = await db()
      .select()
      .from(kioskEnrolments)
      .where(eq(kioskEnrolments.codeHash, codeHash(code)));
    expect(enrolment!.usedAt).not.toBeNull();
    expect(enrolment!.deviceId).toBe(paired.deviceId);

    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, paired.deviceId), eq(auditLog.action, 'kiosk.pair')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ ip: '203.0.113.7', detail: { store: HOME_STORE } });
  });

  it('accepts the code typed in lower case, without the dash or with spaces', async () => {
    const code = await freshCode();
    const typed = ` ${code.toLowerCase().replace('-', ' ')} `;
    const paired = await pairKiosk(db(), { store: HOME_STORE.toLowerCase(), code: typed }, null);
    expect(paired.store).toBe(HOME_STORE);
  });

  it('works once: the same code a second time is refused and makes no second device', async () => {
    const code = await freshCode();
    await pairKiosk(db(), { store: HOME_STORE, code }, null);
    const before = (await kioskDevicesAt(HOME_STORE)).length;
    const error = await pairKiosk(db(), { store: HOME_STORE, code }, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toMatch(/not valid/);
    expect((await kioskDevicesAt(HOME_STORE)).length).toBe(before);
  });

  it('refuses an expired code', async () => {
    const code = await freshCode();
    await db()
      .update(kioskEnrolments)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(kioskEnrolments.codeHash, codeHash(code)));
    const before = (await kioskDevicesAt(HOME_STORE)).length;
    await expect(pairKiosk(db(), { store: HOME_STORE, code }, null)).rejects.toBeInstanceOf(Invalid);
    expect((await kioskDevicesAt(HOME_STORE)).length).toBe(before);
  });

  it('refuses a made-up code', async () => {
    await expect(pairKiosk(db(), { store: HOME_STORE, code: 'ABCD-EFGH' }, null)).rejects.toBeInstanceOf(Invalid);
  });

  it('refuses a code typed into another store’s kiosk, and the code still works at the right store', async () => {
    const code = await freshCode(HOME_STORE);
    const before = (await kioskDevicesAt(OTHER_STORE)).length;
    const error = await pairKiosk(db(), { store: OTHER_STORE, code }, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toMatch(/different store/);
    expect((await kioskDevicesAt(OTHER_STORE)).length).toBe(before);
    const [enrolment] = await db()
      .select()
      .from(kioskEnrolments)
      .where(eq(kioskEnrolments.codeHash, codeHash(code)));
    expect(enrolment!.usedAt).toBeNull();

    const paired = await pairKiosk(db(), { store: HOME_STORE, code }, null);
    expect(paired.store).toBe(HOME_STORE);
  });

  it('lets exactly one of two kiosks racing with one code pair', async () => {
    const code = await freshCode('LDS01');
    const before = (await kioskDevicesAt('LDS01')).length;
    const results = await Promise.allSettled([
      pairKiosk(db(), { store: 'LDS01', code }, null),
      pairKiosk(db(), { store: 'LDS01', code }, null),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(Invalid);
    const after = await kioskDevicesAt('LDS01');
    expect(after.length).toBe(before + 1);
    expect(after.map((d) => d.id)).toContain(won[0]!.value.deviceId);
  });

  it('rejects missing input', async () => {
    await expect(pairKiosk(db(), { store: HOME_STORE }, null)).rejects.toBeInstanceOf(Invalid);
    await expect(pairKiosk(db(), { code: 'ABCD-EFGH' }, null)).rejects.toBeInstanceOf(Invalid);
  });

  it(`refuses further pairing attempts from an address after ${PAIR_ATTEMPTS_PER_ADDRESS} wrong codes, even when they race, and with a right code`, async () => {
    const ip = '198.51.100.77';
    const tries = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        pairKiosk(db(), { store: HOME_STORE, code: `WRNG${String(i).padStart(4, 'X')}` }, ip),
      ),
    );
    const reasons = tries.map((t) => (t.status === 'rejected' ? t.reason : null));
    expect(reasons.filter((e) => e instanceof Invalid)).toHaveLength(PAIR_ATTEMPTS_PER_ADDRESS);
    expect(reasons.filter((e) => e instanceof TooManyRequests)).toHaveLength(25 - PAIR_ATTEMPTS_PER_ADDRESS);
    const code = await freshCode();
    await expect(pairKiosk(db(), { store: HOME_STORE, code }, ip)).rejects.toBeInstanceOf(TooManyRequests);
    expect((await pairKiosk(db(), { store: HOME_STORE, code }, '198.51.100.78')).store).toBe(HOME_STORE);
  });
});
