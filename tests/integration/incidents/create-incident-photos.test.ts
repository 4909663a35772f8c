import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { auditLog, evidence, evidenceCustody, incidentEvents, incidents, zones } from '@/db/schema';
import { Forbidden, Invalid } from '@/lib/errors';
import { evidenceDir, evidencePath, storageKeyOf } from '@/lib/evidence/evidence-files';
import { sha256OfBytes, verifyPhoto, type VerifiedPhoto } from '@/lib/evidence/photos';
import { createIncident } from '@/lib/incidents/create-incident';
import { actorFor, db, HOME_STORE, OTHER_STORE, storeByCode } from '../../support/fixtures';

// lib/env reads the environment once, at import: point evidence at a directory of this
// file's own before anything imports it, so the test never touches .data/evidence.
const EVIDENCE_DIR = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'vigil-evidence-'));
  process.env.VIGIL_EVIDENCE_DIR = dir;
  return dir;
});

afterAll(() => fs.rmSync(EVIDENCE_DIR, { recursive: true, force: true }));

const ICON = fs.readFileSync(path.join(process.cwd(), 'public/icons/icon-192.png'));

/** A real PNG whose bytes no other test has: the icon with random bytes after its end chunk (viewers ignore them). */
function uniquePhoto(): VerifiedPhoto {
  const bytes = Buffer.concat([ICON, randomBytes(32)]);
  return verifyPhoto(bytes, sha256OfBytes(bytes), 0);
}

/** A minimal JPEG (SOI … EOI) with unique content, as the phone's resizer would send. */
function uniqueJpeg(): VerifiedPhoto {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), randomBytes(64), Buffer.from([0xff, 0xd9])]);
  return verifyPhoto(bytes, sha256OfBytes(bytes), 1);
}

const onDisk = (sha256: string) => fs.existsSync(evidencePath(storageKeyOf(sha256)));
const report = { store: HOME_STORE, type: 'theft', goodsCategories: ['alcohol'], lossPence: 1299 };

describe('createIncident with photos', () => {
  it('stores evidence under the test’s own directory', () => {
    expect(evidenceDir()).toBe(path.resolve(EVIDENCE_DIR));
  });

  it('keeps each photo as evidence with its checksum, a custody record and a timeline entry, and the file on disk', async () => {
    const colleague = await actorFor('colleague');
    const photos = [uniquePhoto(), uniqueJpeg()];
    const result = await createIncident(db(), colleague, report, { idempotencyKey: randomUUID(), source: 'pwa', photos });
    expect(result.created).toBe(true);

    const rows = await db().select().from(evidence).where(eq(evidence.incidentId, result.id));
    expect(rows).toHaveLength(2);
    for (const photo of photos) {
      const row = rows.find((r) => r.sha256 === photo.sha256);
      expect(row).toMatchObject({ kind: 'photo', mime: photo.mime, sizeBytes: photo.bytes.length, capturedByUserId: colleague.id, storageKey: storageKeyOf(photo.sha256) });
      const stored = fs.readFileSync(evidencePath(row!.storageKey));
      expect(sha256OfBytes(stored)).toBe(photo.sha256);
      expect(stored.equals(photo.bytes)).toBe(true);
    }
    expect(rows.map((r) => r.mime).sort()).toEqual(['image/jpeg', 'image/png']);

    const custody = await db().select().from(evidenceCustody).where(inArray(evidenceCustody.evidenceId, rows.map((r) => r.id)));
    expect(custody).toHaveLength(2);
    expect(custody.every((c) => c.action === 'created' && c.actorId === colleague.id)).toBe(true);
    expect(custody.map((c) => c.detail.sha256).sort()).toEqual(photos.map((p) => p.sha256).sort());

    const timeline = await db().select().from(incidentEvents).where(eq(incidentEvents.incidentId, result.id));
    expect(timeline.map((e) => e.kind).sort()).toEqual(['created', 'evidence_added', 'evidence_added']);
    expect(timeline.filter((e) => e.kind === 'evidence_added').map((e) => e.data.evidenceId).sort()).toEqual(rows.map((r) => r.id).sort());

    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, result.id), eq(auditLog.action, 'incident.create')));
    expect(audit!.detail).toMatchObject({ photos: 2 });
  });

  it('stores nothing twice when the same report is sent again with the same key', async () => {
    const colleague = await actorFor('colleague');
    const key = randomUUID();
    const photo = uniquePhoto();
    const first = await createIncident(db(), colleague, report, { idempotencyKey: key, source: 'pwa', photos: [photo] });
    const again = await createIncident(db(), colleague, report, { idempotencyKey: key, source: 'pwa', photos: [photo] });
    expect(again).toEqual({ id: first.id, ref: first.ref, created: false });
    expect(await db().select().from(evidence).where(eq(evidence.sha256, photo.sha256))).toHaveLength(1);
    expect(fs.readdirSync(path.dirname(evidencePath(storageKeyOf(photo.sha256)))).filter((f) => f.startsWith(photo.sha256))).toEqual([photo.sha256]);
  });

  it('keeps one file for the same photo attached to two reports, and each report has its own evidence row', async () => {
    const colleague = await actorFor('colleague');
    const photo = uniquePhoto();
    const a = await createIncident(db(), colleague, report, { idempotencyKey: randomUUID(), source: 'pwa', photos: [photo] });
    const b = await createIncident(db(), colleague, report, { idempotencyKey: randomUUID(), source: 'pwa', photos: [photo] });
    const rows = await db().select().from(evidence).where(eq(evidence.sha256, photo.sha256));
    expect(rows.map((r) => r.incidentId).sort()).toEqual([a.id, b.id].sort());
    expect(onDisk(photo.sha256)).toBe(true);
  });

  it('leaves no file behind when the report is refused for an area of another store', async () => {
    const colleague = await actorFor('colleague');
    const lon = await storeByCode(OTHER_STORE);
    const [foreignZone] = await db().select().from(zones).where(eq(zones.storeId, lon.id)).limit(1);
    const photo = uniquePhoto();
    const key = randomUUID();
    await expect(createIncident(db(), colleague, { ...report, zoneId: foreignZone!.id }, { idempotencyKey: key, source: 'pwa', photos: [photo] })).rejects.toBeInstanceOf(Invalid);
    expect(onDisk(photo.sha256)).toBe(false);
    expect(await db().select().from(evidence).where(eq(evidence.sha256, photo.sha256))).toHaveLength(0);
    expect(await db().select().from(incidents).where(eq(incidents.idempotencyKey, key))).toHaveLength(0);
  });

  it('rejects an actor out of scope and leaves no file behind', async () => {
    const colleague = await actorFor('colleague');
    const photo = uniquePhoto();
    await expect(createIncident(db(), colleague, { ...report, store: OTHER_STORE }, { idempotencyKey: randomUUID(), source: 'pwa', photos: [photo] })).rejects.toBeInstanceOf(Forbidden);
    expect(onDisk(photo.sha256)).toBe(false);
  });

  it('removes the files it stored when the database refuses the report, but never a photo another report keeps', async () => {
    const colleague = await actorFor('colleague');
    const kept = uniquePhoto();
    await createIncident(db(), colleague, report, { idempotencyKey: randomUUID(), source: 'pwa', photos: [kept] });
    const fresh = uniqueJpeg();
    const key = randomUUID();
    // No such device: the evidence row's reference fails inside the transaction, after the files are written.
    await expect(createIncident(db(), colleague, report, { idempotencyKey: key, source: 'kiosk', device: { id: randomUUID(), storeId: (await storeByCode(HOME_STORE)).id }, photos: [fresh, kept] })).rejects.toThrow();
    expect(await db().select().from(incidents).where(eq(incidents.idempotencyKey, key))).toHaveLength(0);
    expect(onDisk(fresh.sha256)).toBe(false);
    expect(onDisk(kept.sha256)).toBe(true);
  });

  it('removes the photos it already stored when a later photo of the same report cannot be stored', async () => {
    const colleague = await actorFor('colleague');
    const first = uniquePhoto();
    let second = uniquePhoto();
    // The second photo's folder is blocked by a plain file, as a full or broken disk would fail it.
    while (second.sha256.slice(0, 2) === first.sha256.slice(0, 2) || fs.existsSync(path.join(EVIDENCE_DIR, second.sha256.slice(0, 2)))) second = uniquePhoto();
    const blocker = path.join(EVIDENCE_DIR, second.sha256.slice(0, 2));
    fs.writeFileSync(blocker, 'not a directory');
    try {
      const key = randomUUID();
      await expect(createIncident(db(), colleague, report, { idempotencyKey: key, source: 'pwa', photos: [first, second] })).rejects.toThrow();
      expect(await db().select().from(incidents).where(eq(incidents.idempotencyKey, key))).toHaveLength(0);
      expect(onDisk(first.sha256)).toBe(false);
    } finally {
      fs.rmSync(blocker, { force: true });
    }
  });
});
