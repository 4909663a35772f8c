import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { evidence, evidenceCustody, incidentEvents, incidents, stores, wellbeingChecks, zones } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { GOODS_CATEGORIES, INCIDENT_TYPES, type Severity } from '@/lib/domain/enums';
import { Forbidden, Invalid, NotFound, parseInput } from '@/lib/errors';
import { removeEvidenceFiles, writeEvidenceFile } from '@/lib/evidence/evidence-files';
import type { VerifiedPhoto } from '@/lib/evidence/photos';
import { emitToStore } from '@/lib/realtime/emitter';

/** Reports after which the store manager checks in with the colleague (issue: staff safety and wellbeing). */
export const WELLBEING_TYPES = ['violence_against_staff', 'threats_abuse', 'robbery'] as const;
const WELLBEING_DUE_MS = 24 * 60 * 60 * 1000;

const offender = z.object({
  height: z.enum(['short', 'average', 'tall']).optional(),
  build: z.enum(['slim', 'medium', 'heavy']).optional(),
  clothing: z.string().trim().max(200).optional(),
  features: z.string().trim().max(200).optional(),
});

export const createIncidentInput = z.object({
  store: z.string().trim().min(1).describe('Store code'),
  zoneId: z.string().uuid().optional(),
  type: z.enum(INCIDENT_TYPES),
  occurredAt: z.coerce.date().optional().describe('Defaults to now'),
  description: z.string().trim().max(4000).optional(),
  goodsCategories: z.array(z.enum(GOODS_CATEGORIES)).max(GOODS_CATEGORIES.length).default([]),
  lossPence: z.number().int().min(0).max(100_000_000).default(0),
  offenderCount: z.number().int().min(0).max(50).default(0),
  offenderDescriptions: z.array(offender).max(10).default([]),
  weaponInvolved: z.boolean().default(false),
  injury: z.boolean().default(false),
  threatMade: z.boolean().default(false),
  policeCalled: z.boolean().default(false),
  policeCrimeRef: z.string().trim().max(60).optional(),
});

export type CreatedIncident = { id: string; ref: string; created: boolean };

function severityOf(i: z.infer<typeof createIncidentInput>): Severity {
  if (i.weaponInvolved || i.injury || i.type === 'robbery') return 'critical';
  if (i.type === 'violence_against_staff' || i.type === 'burglary' || i.threatMade) return 'high';
  if (i.type === 'suspicious_activity' || i.type === 'antisocial_behaviour' || i.type === 'other') return 'low';
  return 'medium';
}

/**
 * Records a report. Idempotent on the client's key: the same key returns the
 * incident it already made (created: false), so an offline replay never duplicates.
 */
export async function createIncident(
  db: DbOrTx,
  actor: Actor,
  raw: unknown,
  opts: {
    idempotencyKey: string;
    source: 'pwa' | 'kiosk' | 'console';
    photos?: VerifiedPhoto[];
    /** The kiosk the report came from, as authenticated for this request. */
    device?: { id: string; storeId: string };
  },
): Promise<CreatedIncident> {
  if (!z.string().uuid().safeParse(opts.idempotencyKey).success) {
    throw new Invalid('The Idempotency-Key header must be a UUID.');
  }
  const input = parseInput(createIncidentInput, raw);

  const [existing] = await db
    .select({ id: incidents.id, ref: incidents.ref, reporterId: incidents.reporterId })
    .from(incidents)
    .where(eq(incidents.idempotencyKey, opts.idempotencyKey));
  if (existing) {
    if (existing.reporterId !== actor.id) throw new Forbidden('That idempotency key belongs to another report.');
    return { id: existing.id, ref: existing.ref, created: false };
  }

  const [store] = await db
    .select({ id: stores.id, regionId: stores.regionId })
    .from(stores)
    .where(eq(stores.code, input.store));
  if (!store) throw new NotFound(`Store ${input.store}`);
  assertCan(actor, 'incident.report', { storeId: store.id });
  if (opts.source === 'kiosk') {
    // A kiosk files for the store it is paired to, even when its colleague also works elsewhere.
    if (opts.device?.storeId !== store.id) throw new Forbidden('This kiosk reports for its own store only.');
  }
  if (input.zoneId) {
    const [zone] = await db.select({ storeId: zones.storeId }).from(zones).where(eq(zones.id, input.zoneId));
    if (zone?.storeId !== store.id)
      throw new Invalid('That area is not part of this store.', [
        { path: 'zoneId', message: 'Unknown area for this store' },
      ]);
  }
  const occurredAt = input.occurredAt ?? new Date();
  if (occurredAt.getTime() > Date.now() + 5 * 60_000) {
    throw new Invalid('The time is in the future.', [{ path: 'occurredAt', message: 'Must not be in the future' }]);
  }

  // Files first (content-addressed, so a retry reuses them); the rows that make them
  // evidence are written in the same transaction as the incident. On failure, files this
  // call created are removed again, so a rejected report leaves nothing behind.
  const photos = opts.photos ?? [];
  const written: { storageKey: string; created: boolean; photo: VerifiedPhoto }[] = [];
  const discardNewFiles = async () => {
    const mine = written.filter((w) => w.created).map((w) => w.storageKey);
    if (mine.length === 0) return;
    // Another report may have stored the same photo meanwhile; its file must stay.
    const referenced = await db
      .select({ key: evidence.storageKey })
      .from(evidence)
      .where(inArray(evidence.storageKey, mine));
    await removeEvidenceFiles(mine.filter((k) => !referenced.some((r) => r.key === k)));
  };
  const by = actor.system ? null : actor.id;

  let created;
  try {
    for (const photo of photos) written.push({ ...(await writeEvidenceFile(photo)), photo });
    created = await db.transaction(async (tx) => {
      const [{ n }] = (await tx.execute(sql`select nextval('incident_ref_seq')::int as n`)) as unknown as [
        { n: number },
      ];
      const ref = `INC-${new Date().getUTCFullYear()}-${String(n).padStart(6, '0')}`;
      const [row] = await tx
        .insert(incidents)
        .values({
          ref,
          storeId: store.id,
          zoneId: input.zoneId ?? null,
          type: input.type,
          occurredAt,
          reporterId: actor.system ? null : actor.id,
          source: opts.source,
          severity: severityOf(input),
          description: input.description ?? null,
          goodsCategories: input.goodsCategories,
          lossPence: input.lossPence,
          offenderCount: input.offenderCount,
          offenderDescriptions: input.offenderDescriptions,
          weaponInvolved: input.weaponInvolved,
          injury: input.injury,
          threatMade: input.threatMade,
          policeCalled: input.policeCalled,
          policeCrimeRef: input.policeCrimeRef ?? null,
          idempotencyKey: opts.idempotencyKey,
        })
        // A concurrent replay with the same key loses here and reads the winner below.
        .onConflictDoNothing({ target: incidents.idempotencyKey })
        .returning();
      if (!row) return null;
      await tx
        .insert(incidentEvents)
        .values({ incidentId: row.id, kind: 'created', actorId: by, data: { source: opts.source } });
      for (const w of written) {
        const [ev] = await tx
          .insert(evidence)
          .values({
            incidentId: row.id,
            kind: 'photo',
            storageKey: w.storageKey,
            sha256: w.photo.sha256,
            sizeBytes: w.photo.bytes.length,
            mime: w.photo.mime,
            capturedByUserId: by,
            capturedByDeviceId: opts.device?.id ?? null,
          })
          .returning({ id: evidence.id });
        await tx.insert(evidenceCustody).values({
          evidenceId: ev!.id,
          action: 'created',
          actorId: by,
          detail: { source: opts.source, sha256: w.photo.sha256 },
        });
        await tx.insert(incidentEvents).values({
          incidentId: row.id,
          kind: 'evidence_added',
          actorId: by,
          data: { evidenceId: ev!.id, kind: 'photo' },
        });
      }
      // Only for someone reporting what happened to them (app or kiosk), not a console write-up.
      if (by && opts.source !== 'console' && (WELLBEING_TYPES as readonly string[]).includes(input.type)) {
        await tx.insert(wellbeingChecks).values({
          incidentId: row.id,
          storeId: store.id,
          colleagueId: by,
          dueAt: new Date(Date.now() + WELLBEING_DUE_MS),
        });
      }
      await recordAudit(tx, {
        ...auditActor(actor),
        action: 'incident.create',
        entityType: 'incident',
        entityId: row.id,
        detail: { ref, store: input.store, photos: written.length, source: opts.source },
      });
      return row;
    });
  } catch (error) {
    await discardNewFiles();
    throw error;
  }

  if (!created) {
    const [winner] = await db
      .select({ id: incidents.id, ref: incidents.ref })
      .from(incidents)
      .where(eq(incidents.idempotencyKey, opts.idempotencyKey));
    return { id: winner!.id, ref: winner!.ref, created: false };
  }
  emitToStore({ storeId: store.id, regionId: store.regionId }, 'incident:new', {
    id: created.id,
    ref: created.ref,
    storeCode: input.store,
    type: created.type,
    severity: created.severity,
    status: created.status,
    createdAt: created.createdAt.toISOString(),
  });
  return { id: created.id, ref: created.ref, created: true };
}
