// Context layer: importing data.police.uk street-level crime files, and local shoplifting around
// stores in an insights scope, against the real database seeded with the demo chain.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, policeCrimeImports, policeCrimes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { deletePoliceImport, importPoliceCrimes, listPoliceImports } from '@/lib/context/import-police-crimes';
import { cellOf } from '@/lib/context/grid-cells';
import { localShoplifting } from '@/lib/context/local-shoplifting';
import { MAX_CSV_BYTES, OGL_ATTRIBUTION } from '@/lib/context/police-data';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { actorFor, db } from '../../support/fixtures';

const FIXTURE = readFileSync(path.join(import.meta.dirname, '../../fixtures/police-street-crimes.csv'), 'utf8');
const [HEADER, ...DATA] = FIXTURE.trimEnd().split('\r\n');
const PERIOD = { from: '2026-08-01', to: '2026-10-31' };
const NWY = ['BRD01', 'LDS01', 'LIV01', 'MCR01', 'PRE01', 'SHF01'];

let admin: Actor;

const crimeCount = async () => (await db().select({ n: count() }).from(policeCrimes))[0]!.n;
const importCount = async () => (await db().select({ n: count() }).from(policeCrimeImports))[0]!.n;

/** Straightforward SQL: every store × every shoplifting crime, great-circle distance ≤ 1 km, no box. */
async function truthShoplifting(codes: string[], from: string, to: string) {
  const got = (await db().execute(sql`
    select s.code, count(*)::int as n
    from store s join police_crime c on c.crime_type = 'Shoplifting'
      and c.month between date_trunc('month', ${from}::date) and date_trunc('month', ${to}::date)
      and 2 * 6371008.8 * asin(sqrt(power(sin(radians(c.lat - s.lat) / 2), 2)
        + cos(radians(s.lat)) * cos(radians(c.lat)) * power(sin(radians(c.lng - s.lng) / 2), 2))) <= 1000
    where s.code = any(${sql.param(`{${codes.join(',')}}`)}::text[])
    group by s.code`)) as unknown as { code: string; n: number }[];
  return Object.fromEntries(got.map((g) => [g.code, g.n]));
}

beforeAll(async () => {
  admin = await actorFor('admin');
  await db().execute(sql`delete from police_crime_import`);
});

describe('importPoliceCrimes', () => {
  it('imports the file in one go and reports what it did', async () => {
    const result = await importPoliceCrimes(
      db(),
      admin,
      { fileName: 'C:\\Downloads\\2026-10-fixture-street.csv', csv: FIXTURE },
      '203.0.113.9',
    );
    expect(result).toMatchObject({
      fileName: '2026-10-fixture-street.csv',
      rowsRead: 82,
      rowsAdded: 78,
      rowsDuplicate: 0,
      rowsWithoutLocation: 4,
      monthFrom: '2026-08-01',
      monthTo: '2026-10-01',
    });
    expect(await crimeCount()).toBe(78);
    const [mine] = await db().select({ n: count() }).from(policeCrimes).where(eq(policeCrimes.importId, result.id));
    expect(mine!.n).toBe(78);
    // The generated grid cell agrees with the one the nearby-crime query computes for stores.
    const points = await db().select({ lat: policeCrimes.lat, lng: policeCrimes.lng, cell: policeCrimes.cell }).from(policeCrimes);
    expect(points.every((p) => p.cell === cellOf(p.lat, p.lng))).toBe(true);
    // Audited with counts only: no crime rows, locations or ids in the trail.
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'context.police_import'), eq(auditLog.entityId, result.id)));
    expect(audit).toMatchObject({ actorId: admin.id, ip: '203.0.113.9' });
    expect(Object.keys(audit!.detail).sort()).toEqual(
      ['fileName', 'monthFrom', 'monthTo', 'rowsAdded', 'rowsDuplicate', 'rowsRead', 'rowsWithoutLocation'].sort(),
    );
    expect(JSON.stringify(audit!.detail)).not.toMatch(/On or near|E0103/);
  });

  it('adds nothing when the same file comes again', async () => {
    const again = await importPoliceCrimes(db(), admin, { fileName: 'again.csv', csv: FIXTURE });
    expect(again).toMatchObject({ rowsRead: 82, rowsAdded: 0, rowsDuplicate: 78, rowsWithoutLocation: 4 });
    expect(await crimeCount()).toBe(78);
  });

  it('adds only the new rows of an overlapping file', async () => {
    const newRow =
      'f'.repeat(64) +
      ',2026-11,Greater Manchester Police,Greater Manchester Police,-2.239000,53.483000,On or near Market Street,E01033677,Manchester 054C,Shoplifting,Under investigation,';
    const csv = [HEADER, ...DATA.slice(0, 20), newRow].join('\r\n');
    const overlap = await importPoliceCrimes(db(), admin, { fileName: 'overlap.csv', csv });
    expect(overlap).toMatchObject({ rowsRead: 21, rowsAdded: 1, rowsDuplicate: 20, monthTo: '2026-11-01' });
    expect(await crimeCount()).toBe(79);
    await deletePoliceImport(db(), admin, { id: overlap.id });
  });

  it('refuses a bad header or a bad row with its line number, writing nothing', async () => {
    const before = [await crimeCount(), await importCount()];
    const badHeader = FIXTURE.replace('Crime type', 'Crime category');
    await expect(importPoliceCrimes(db(), admin, { fileName: 'x.csv', csv: badHeader })).rejects.toThrow(
      /^Line 1: this is not a data\.police\.uk street-level crime file/,
    );
    const lines = FIXTURE.split('\r\n');
    lines[40] = lines[40]!.replace(/,53\.\d+,/, ',ninety,');
    const badRow = lines.join('\r\n');
    const error = await importPoliceCrimes(db(), admin, { fileName: 'x.csv', csv: badRow }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toMatch(/^Line 41: Latitude must be a number/);
    expect((error as Invalid).status).toBe(400);
    expect([await crimeCount(), await importCount()]).toEqual(before);
  });

  it('refuses a file over the size cap with 413', async () => {
    const huge = HEADER + '\r\n' + ' '.repeat(MAX_CSV_BYTES);
    const error = await importPoliceCrimes(db(), admin, { fileName: 'big.csv', csv: huge }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413 });
  });

  it('is for administrators only', async () => {
    for (const who of ['manager', 'regional', 'dpo', 'investigator']) {
      const actor = await actorFor(who);
      await expect(importPoliceCrimes(db(), actor, { fileName: 'x.csv', csv: FIXTURE })).rejects.toBeInstanceOf(
        Forbidden,
      );
      await expect(listPoliceImports(db(), actor)).rejects.toBeInstanceOf(Forbidden);
      await expect(deletePoliceImport(db(), actor, { id: crypto.randomUUID() })).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await crimeCount()).toBe(78);
  });

  it('lists imports newest first with who imported them', async () => {
    const list = await listPoliceImports(db(), admin);
    expect(list.map((i) => i.fileName)).toEqual(['again.csv', '2026-10-fixture-street.csv']);
    expect(list[1]).toMatchObject({
      importedBy: admin.name,
      rowsAdded: 78,
      monthFrom: '2026-08-01',
      monthTo: '2026-10-01',
    });
    // The list names people, so viewing it is audited.
    const [viewed] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'context.police_import_list_viewed'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(viewed).toMatchObject({ actorId: admin.id, detail: { count: 2 } });
  });
});

describe('localShoplifting', () => {
  it('equals the ground truth for every store for an administrator, with the months covered', async () => {
    const got = await localShoplifting(db(), admin, PERIOD);
    const codes = got.stores.map((s) => s.code);
    expect(codes).toHaveLength(24);
    const truth = await truthShoplifting(codes, PERIOD.from, PERIOD.to);
    expect(truth).toEqual({ MCR01: 18, LIV01: 12, LON01: 9 });
    for (const s of got.stores) expect(s.shoplifting ?? 0, s.code).toBe(truth[s.code] ?? 0);
    // Stores no imported file reaches show "no data", not zero.
    expect(got.stores.find((s) => s.code === 'BHM01')!.shoplifting).toBeNull();
    expect(got).toMatchObject({
      months: { from: '2026-08-01', to: '2026-10-01' },
      monthsCovered: ['2026-08-01', '2026-09-01', '2026-10-01'],
      anyImported: true,
      latestImportedMonth: '2026-10-01',
      pointsTotal: 39,
      attribution: OGL_ATTRIBUTION,
    });
    expect(got.points).toHaveLength(39);
    expect(Object.keys(got.points[0]!).sort()).toEqual(['lat', 'lng', 'month']);
  });

  it('respects a regional manager’s region and a store manager’s store', async () => {
    const regional = await actorFor('regional');
    const got = await localShoplifting(db(), regional, PERIOD);
    expect(got.stores.map((s) => s.code).sort()).toEqual(NWY);
    expect(
      Object.fromEntries(got.stores.filter((s) => s.shoplifting !== null).map((s) => [s.code, s.shoplifting])),
    ).toEqual(await truthShoplifting(NWY, PERIOD.from, PERIOD.to));
    // London's points never reach a North West map.
    expect(got.pointsTotal).toBe(30);
    expect(got.points.every((p) => p.lat > 53)).toBe(true);
    await expect(localShoplifting(db(), regional, { ...PERIOD, region: 'LSE' })).rejects.toBeInstanceOf(Forbidden);
    await expect(localShoplifting(db(), regional, { ...PERIOD, store: 'LON01' })).rejects.toBeInstanceOf(Forbidden);

    const manager = await actorFor('manager');
    const mine = await localShoplifting(db(), manager, PERIOD);
    expect(mine.stores).toEqual([{ code: 'MCR01', shoplifting: 18 }]);
    expect(mine.pointsTotal).toBe(18);
    await expect(localShoplifting(db(), await actorFor('colleague'), PERIOD)).rejects.toBeInstanceOf(Forbidden);
  });

  it('counts the months overlapping a short period, and nothing for months not imported', async () => {
    const sept = await localShoplifting(db(), admin, { from: '2026-09-15', to: '2026-09-20' });
    expect(sept.months).toEqual({ from: '2026-09-01', to: '2026-09-01' });
    expect(sept.stores.find((s) => s.code === 'MCR01')!.shoplifting).toBe(6);
    expect(await truthShoplifting(['MCR01'], '2026-09-15', '2026-09-20')).toEqual({ MCR01: 6 });
    const later = await localShoplifting(db(), admin, { from: '2026-11-01', to: '2026-11-25' });
    expect(later).toMatchObject({ monthsCovered: [], pointsTotal: 0, anyImported: true });
    expect(later.stores.every((s) => s.shoplifting === null)).toBe(true);
  });

  it('caps the map points, nearest the stores first', async () => {
    const got = await localShoplifting(db(), admin, { ...PERIOD, store: 'MCR01' });
    const d = got.points.map((p) =>
      Math.hypot(p.lat - 53.4826, (p.lng + 2.2392) * Math.cos((53.4826 * Math.PI) / 180)),
    );
    expect(d).toEqual([...d].sort((a, b) => a - b));
  });
});

describe('deletePoliceImport', () => {
  it('removes the import and its crimes, audited; a second delete is 404', async () => {
    const [newest] = await db().select().from(policeCrimeImports).orderBy(desc(policeCrimeImports.importedAt)).limit(1);
    // The re-import added nothing, so deleting it removes no crimes.
    expect(await deletePoliceImport(db(), admin, { id: newest!.id })).toEqual({ id: newest!.id, rowsRemoved: 0 });
    const [first] = await listPoliceImports(db(), admin);
    expect(await deletePoliceImport(db(), admin, { id: first!.id })).toEqual({ id: first!.id, rowsRemoved: 78 });
    expect([await crimeCount(), await importCount()]).toEqual([0, 0]);
    await expect(deletePoliceImport(db(), admin, { id: first!.id })).rejects.toBeInstanceOf(NotFound);
    await expect(deletePoliceImport(db(), admin, { id: 'nope' })).rejects.toBeInstanceOf(Invalid);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'context.police_import_delete'), eq(auditLog.entityId, first!.id)));
    expect(audit!.detail).toEqual({ fileName: '2026-10-fixture-street.csv', rowsRemoved: 78 });
    const after = await localShoplifting(db(), admin, PERIOD);
    expect(after).toMatchObject({ anyImported: false, pointsTotal: 0, latestImportedMonth: null });
  });
});
