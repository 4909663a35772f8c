import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJson } from '@/lib/http/read-json';
import { createEnrolmentCode } from '@/lib/kiosk/create-enrolment-code';

export const POST = apiRoute(async (req: Request) => {
  const actor = await requireActor();
  const result = await createEnrolmentCode(getDb(), actor, await readJson(req, 1024));
  return NextResponse.json({ ...result, expiresAt: result.expiresAt.toISOString() }, { status: 201 });
});
