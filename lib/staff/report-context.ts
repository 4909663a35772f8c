import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { stores, supportOptions, zones } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/policy';
import { Forbidden, NotFound } from '@/lib/errors';

export type ReportContext = {
  store: { id: string; code: string; name: string; emergencyInstructions: string | null };
  zones: { id: string; name: string }[];
  supportOptions: { id: string; title: string; detail: string; contact: string | null }[];
};

/** What the report form needs for a store: its areas, its emergency instructions and the support list. */
export async function reportContext(db: DbOrTx, actor: Actor | null, storeCode: string | undefined, opts: { kioskStoreId?: string } = {}): Promise<ReportContext> {
  let code = storeCode;
  if (!code && actor) code = actor.stores.find((s) => can(actor, 'incident.report', { storeId: s.id }))?.code;
  if (!code) throw new Forbidden('You are not part of any store, so there is nowhere to report for. Ask your manager to add you.');
  const [store] = await db
    .select({ id: stores.id, code: stores.code, name: stores.name, emergencyInstructions: stores.emergencyInstructions })
    .from(stores)
    .where(eq(stores.code, code.toUpperCase()));
  if (!store) throw new NotFound(`Store ${code}`);
  if (opts.kioskStoreId) {
    if (opts.kioskStoreId !== store.id) throw new Forbidden('This kiosk belongs to another store.');
  } else if (actor) {
    assertCan(actor, 'incident.report', { storeId: store.id });
  } else {
    throw new Forbidden();
  }
  const [zoneRows, support] = await Promise.all([
    db.select({ id: zones.id, name: zones.name }).from(zones).where(eq(zones.storeId, store.id)).orderBy(asc(zones.name)),
    db.select({ id: supportOptions.id, title: supportOptions.title, detail: supportOptions.detail, contact: supportOptions.contact }).from(supportOptions).orderBy(asc(supportOptions.position)),
  ]);
  return { store, zones: zoneRows, supportOptions: support };
}
