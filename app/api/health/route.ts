import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { checkHealth } from '@/lib/system/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth(getDb());
  return NextResponse.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
