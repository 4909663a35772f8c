// Importing, listing and deleting data.police.uk street-level crime files (administrators only).
// The data is public and anonymised (OGL v3.0), so audit rows carry counts, never crime rows.
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { policeCrimeImports, users } from '@/db/schema';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, NotFound, parseInput } from '@/lib/errors';
import { assertContextAdmin } from './access';
import { parsePoliceCrimes, type PoliceCrimeRow } from './parse-police-crimes';
import { MAX_CSV_BYTES } from './police-data';

export class CsvTooLarge extends AppError {
  constructor() {
    super(
      `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB. Import one force's file at a time (each is a few MB).`,
      413,
      'too_large',
    );
  }
}

/** Rows per INSERT: one jsonb parameter each, so the statement size, not the parameter count, is the limit. */
const BATCH_ROWS = 5000;

export const importPoliceCrimesInput = z.object({
  // Browsers send the base name only; anything path-like is cut to it so it reads well in lists.
  fileName: z
    .string()
    .trim()
    .transform((s) => s.split(/[\\/]/).pop()!.slice(0, 200))
    .pipe(z.string().min(1, 'Give the file a name.')),
  csv: z.string(),
});

export type PoliceImportResult = {
  id: string;
  fileName: string;
  rowsRead: number;
  rowsAdded: number;
  rowsDuplicate: number;
  rowsWithoutLocation: number;
  monthFrom: string | null;
  monthTo: string | null;
};

async function insertBatch(tx: DbOrTx, importId: string, batch: PoliceCrimeRow[]): Promise<number> {
  const json = JSON.stringify(
    batch.map((r) => ({
      month: r.month,
      crime_type: r.crimeType,
      lat: r.lat,
      lng: r.lng,
      location: r.location,
      lsoa_code: r.lsoaCode,
      falls_within: r.fallsWithin,
      last_outcome: r.lastOutcome,
      crime_id: r.crimeId,
      fingerprint: r.fingerprint,
    })),
  );
  // ON CONFLICT DO NOTHING makes re-imports and overlapping files (and two admins importing at once)
  // store each crime once; the count of rows actually inserted is the "added" figure.
  const [row] = (await tx.execute(sql`
    with ins as (
      insert into police_crime (import_id, month, crime_type, lat, lng, location, lsoa_code, falls_within, last_outcome, crime_id, fingerprint)
      select ${importId}::uuid, x.month, x.crime_type, x.lat, x.lng, x.location, x.lsoa_code, x.falls_within, x.last_outcome, x.crime_id, x.fingerprint
      from jsonb_to_recordset(${json}::jsonb) as x(month date, crime_type text, lat float8, lng float8, location text,
        lsoa_code text, falls_within text, last_outcome text, crime_id text, fingerprint text)
      on conflict (fingerprint) do nothing
      returning 1
    )
    select count(*)::int as added from ins`)) as unknown as { added: number }[];
  return row?.added ?? 0;
}

/**
 * Imports one street-level crime CSV in a single transaction: a bad header or row (Invalid, with line
 * numbers) or any failure leaves nothing behind. Rows without a location are counted, not stored.
 */
export async function importPoliceCrimes(
  db: DbOrTx,
  actor: Actor,
  raw: { fileName: string; csv: string },
  ip?: string | null,
): Promise<PoliceImportResult> {
  assertContextAdmin(actor);
  // Checked before zod and the parser so a huge body costs no more work than measuring it.
  if (typeof raw?.csv === 'string' && Buffer.byteLength(raw.csv) > MAX_CSV_BYTES) throw new CsvTooLarge();
  const input = parseInput(importPoliceCrimesInput, raw);
  const parsed = parsePoliceCrimes(input.csv);

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(policeCrimeImports)
      .values({
        fileName: input.fileName,
        importedBy: actor.system ? null : actor.id,
        rowsRead: parsed.rowsRead,
        rowsAdded: 0,
        rowsDuplicate: 0,
        rowsWithoutLocation: parsed.withoutLocation,
        monthFrom: parsed.monthFrom,
        monthTo: parsed.monthTo,
      })
      .returning({ id: policeCrimeImports.id });
    const id = created!.id;
    let added = 0;
    for (let k = 0; k < parsed.rows.length; k += BATCH_ROWS)
      added += await insertBatch(tx, id, parsed.rows.slice(k, k + BATCH_ROWS));
    const result: PoliceImportResult = {
      id,
      fileName: input.fileName,
      rowsRead: parsed.rowsRead,
      rowsAdded: added,
      rowsDuplicate: parsed.rowsRead - parsed.withoutLocation - added,
      rowsWithoutLocation: parsed.withoutLocation,
      monthFrom: parsed.monthFrom,
      monthTo: parsed.monthTo,
    };
    await tx
      .update(policeCrimeImports)
      .set({ rowsAdded: result.rowsAdded, rowsDuplicate: result.rowsDuplicate })
      .where(eq(policeCrimeImports.id, id));
    const { id: _id, ...counts } = result;
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'context.police_import',
      entityType: 'police_crime_import',
      entityId: id,
      detail: counts,
      ip,
    });
    return result;
  });
}

/** Past imports, newest first, with who imported them: names are personal data, so the read is audited. */
export async function listPoliceImports(db: DbOrTx, actor: Actor) {
  assertContextAdmin(actor);
  const result = await db
    .select({
      id: policeCrimeImports.id,
      fileName: policeCrimeImports.fileName,
      importedAt: policeCrimeImports.importedAt,
      importedBy: users.name,
      rowsRead: policeCrimeImports.rowsRead,
      rowsAdded: policeCrimeImports.rowsAdded,
      rowsDuplicate: policeCrimeImports.rowsDuplicate,
      rowsWithoutLocation: policeCrimeImports.rowsWithoutLocation,
      monthFrom: policeCrimeImports.monthFrom,
      monthTo: policeCrimeImports.monthTo,
    })
    .from(policeCrimeImports)
    .leftJoin(users, eq(users.id, policeCrimeImports.importedBy))
    .orderBy(desc(policeCrimeImports.importedAt), desc(policeCrimeImports.id));
  await recordAudit(db, {
    ...auditActor(actor),
    action: 'context.police_import_list_viewed',
    entityType: 'police_crime_import',
    detail: { count: result.length },
  });
  return result;
}

export const deletePoliceImportInput = z.object({ id: z.string().uuid('Not a valid import id.') });

/**
 * Deletes an import and the crimes it added. Crimes that a later overlapping file found already
 * stored belong to this import, so they go too; importing that later file again brings them back.
 */
export async function deletePoliceImport(
  db: DbOrTx,
  actor: Actor,
  raw: unknown,
  ip?: string | null,
): Promise<{ id: string; rowsRemoved: number }> {
  assertContextAdmin(actor);
  const { id } = parseInput(deletePoliceImportInput, raw);
  return db.transaction(async (tx) => {
    // Lock the import row so a concurrent delete of the same import finds nothing (404), not half of it.
    const [found] = await tx
      .select({ fileName: policeCrimeImports.fileName })
      .from(policeCrimeImports)
      .where(eq(policeCrimeImports.id, id))
      .for('update');
    if (!found) throw new NotFound('That import');
    const [removed] = (await tx.execute(sql`
      with d as (delete from police_crime where import_id = ${id}::uuid returning 1)
      select count(*)::int as n from d`)) as unknown as { n: number }[];
    await tx.delete(policeCrimeImports).where(eq(policeCrimeImports.id, id));
    const rowsRemoved = removed?.n ?? 0;
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'context.police_import_delete',
      entityType: 'police_crime_import',
      entityId: id,
      detail: { fileName: found.fileName, rowsRemoved },
      ip,
    });
    return { id, rowsRemoved };
  });
}
