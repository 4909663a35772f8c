import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { requestIp, requireActor } from '@/lib/auth/current-actor';
import { deletePoliceImport } from '@/lib/context/import-police-crimes';
import { apiRoute } from '@/lib/http/api-route';

/** DELETE /api/context/police-crimes/{id} → {"id","rowsRemoved"}: the import and the crimes it added. */
export const DELETE = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  return NextResponse.json(await deletePoliceImport(getDb(), actor, { id }, await requestIp()));
});
