import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberships, users } from '@/db/schema';
import { Unauthenticated } from '@/lib/errors';
import { authenticateKiosk } from '@/lib/kiosk/authenticate-kiosk';
import { KIOSK_COLLEAGUE_TTL_SECONDS, signColleagueToken } from '@/lib/kiosk/kiosk-credentials';
import { actorFor, db, HOME_STORE, OTHER_STORE } from '../../support/fixtures';
import { deviceAt, revoke } from '../../support/events';
import { freshPerson } from '../../support/staff';

const kioskAt = (store = HOME_STORE) => deviceAt(store, 'kiosk');

describe('authenticateKiosk', () => {
  it('resolves a paired kiosk and the colleague its token names', async () => {
    const kiosk = await kioskAt();
    const colleague = await actorFor('colleague');
    const session = await authenticateKiosk(db(), kiosk.apiKey, signColleagueToken(colleague.id, kiosk.id));
    expect(session.device).toMatchObject({ id: kiosk.id, kind: 'kiosk', storeCode: HOME_STORE });
    expect(session.colleague?.id).toBe(colleague.id);
    expect(session.colleague?.stores.map((s) => s.code)).toContain(HOME_STORE);
  });

  it('resolves a kiosk with nobody identified when there is no colleague token', async () => {
    const kiosk = await kioskAt();
    expect((await authenticateKiosk(db(), kiosk.apiKey, undefined)).colleague).toBeNull();
  });

  it('refuses a screen that is not paired', async () => {
    await expect(authenticateKiosk(db(), undefined, undefined)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(authenticateKiosk(db(), 'vgk_not-a-real-key', undefined)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it('refuses a kiosk that has been revoked, at its next request', async () => {
    const kiosk = await kioskAt();
    const colleague = await actorFor('colleague');
    const token = signColleagueToken(colleague.id, kiosk.id);
    await authenticateKiosk(db(), kiosk.apiKey, token);
    await revoke(kiosk.id);
    const error = await authenticateKiosk(db(), kiosk.apiKey, token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Unauthenticated);
    expect((error as Unauthenticated).message).toMatch(/switched off or unpaired/);
  });

  it('refuses a key of a device that is not a kiosk (a camera key cannot act as a kiosk)', async () => {
    const camera = await deviceAt(HOME_STORE, 'camera');
    await expect(authenticateKiosk(db(), camera.apiKey, undefined)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it('ignores a colleague token issued to another kiosk', async () => {
    const [here, there] = await Promise.all([kioskAt(), kioskAt()]);
    const colleague = await actorFor('colleague');
    const session = await authenticateKiosk(db(), here.apiKey, signColleagueToken(colleague.id, there.id));
    expect(session.device.id).toBe(here.id);
    expect(session.colleague).toBeNull();
  });

  it('ignores an expired colleague token', async () => {
    const kiosk = await kioskAt();
    const colleague = await actorFor('colleague');
    const issued = Date.now() - (KIOSK_COLLEAGUE_TTL_SECONDS + 60) * 1000;
    const session = await authenticateKiosk(db(), kiosk.apiKey, signColleagueToken(colleague.id, kiosk.id, issued));
    expect(session.colleague).toBeNull();
  });

  it('ignores a tampered colleague token', async () => {
    const kiosk = await kioskAt();
    const [colleague, manager] = await Promise.all([actorFor('colleague'), actorFor('manager')]);
    const [, mac] = signColleagueToken(colleague.id, kiosk.id).split('.');
    const [forgedPayload] = signColleagueToken(manager.id, kiosk.id).split('.');
    const session = await authenticateKiosk(db(), kiosk.apiKey, `${forgedPayload}.${mac}`);
    expect(session.colleague).toBeNull();
  });

  it('ignores a token for someone who is not part of the kiosk’s store', async () => {
    const kiosk = await kioskAt(OTHER_STORE);
    const colleague = await actorFor('colleague'); // works at MCR01
    const session = await authenticateKiosk(db(), kiosk.apiKey, signColleagueToken(colleague.id, kiosk.id));
    expect(session.colleague).toBeNull();
  });

  it('drops the colleague once their account is disabled or they leave the store', async () => {
    const kiosk = await kioskAt();
    const [disabled, leaver] = await Promise.all([freshPerson(HOME_STORE), freshPerson(HOME_STORE)]);
    const disabledToken = signColleagueToken(disabled.actor.id, kiosk.id);
    const leaverToken = signColleagueToken(leaver.actor.id, kiosk.id);
    expect((await authenticateKiosk(db(), kiosk.apiKey, disabledToken)).colleague?.id).toBe(disabled.actor.id);
    expect((await authenticateKiosk(db(), kiosk.apiKey, leaverToken)).colleague?.id).toBe(leaver.actor.id);

    await db().update(users).set({ status: 'disabled' }).where(eq(users.id, disabled.actor.id));
    await db().delete(memberships).where(eq(memberships.userId, leaver.actor.id));

    expect((await authenticateKiosk(db(), kiosk.apiKey, disabledToken)).colleague).toBeNull();
    expect((await authenticateKiosk(db(), kiosk.apiKey, leaverToken)).colleague).toBeNull();
  });
});
