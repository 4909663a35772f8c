import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIncident } from '@/lib/incidents/create-incident';
import { triageQueue } from '@/lib/incidents/triage-queue';
import { Forbidden } from '@/lib/errors';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';

describe('triageQueue', () => {
  it("shows a store's new report to its security officer, with no reporter name", async () => {
    const colleague = await actorFor('colleague');
    const description = `Triage queue ${randomUUID()}`;
    const { id } = await createIncident(
      db(),
      colleague,
      { store: HOME_STORE, type: 'theft', description },
      { idempotencyKey: randomUUID(), source: 'pwa' },
    );
    const queue = await triageQueue(db(), await actorFor('security'), (await storeByCode(HOME_STORE)).id, 50);
    const mine = queue.find((i) => i.id === id);
    expect(mine).toMatchObject({ description, status: 'reported' });
    expect(JSON.stringify(queue)).not.toContain(colleague.name);
    expect(JSON.stringify(queue)).not.toContain(colleague.email);
  });

  it('refuses colleagues, investigators, the DPO and another store', async () => {
    const home = (await storeByCode(HOME_STORE)).id;
    for (const who of ['colleague', 'investigator', 'dpo']) {
      await expect(triageQueue(db(), await actorFor(who), home), who).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(
      triageQueue(db(), await actorFor('security'), (await storeByCode(OTHER_STORE)).id),
    ).rejects.toBeInstanceOf(Forbidden);
  });
});
