import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { requestIp, requireActor } from '@/lib/auth/current-actor';
import { assertContextAdmin } from '@/lib/context/access';
import { importPoliceCrimes, listPoliceImports } from '@/lib/context/import-police-crimes';
import { readCsvUpload } from '@/lib/context/read-csv-upload';
import { apiRoute } from '@/lib/http/api-route';

/** GET /api/context/police-crimes → {"imports":[…]} (administrators). */
export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return NextResponse.json({ imports: await listPoliceImports(getDb(), actor) });
});

/** POST a data.police.uk street-level crime CSV → 201 with what was added (administrators). */
export const POST = apiRoute(async (req: Request) => {
  const actor = await requireActor();
  // Checked before reading a body of up to 30 MB; the verb checks again.
  assertContextAdmin(actor);
  const upload = await readCsvUpload(req);
  const result = await importPoliceCrimes(getDb(), actor, upload, await requestIp());
  return NextResponse.json(result, { status: 201 });
});
