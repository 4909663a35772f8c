import { getDb } from '@/db/client';
import { insightCsv } from '@/lib/analytics/export-csv';
import { requestIp, requireActor } from '@/lib/auth/current-actor';
import { apiRoute } from '@/lib/http/api-route';

/** GET /insights/export?chart=trend&period=30d&region=NWY… → CSV of that chart's data (same scope as the page). */
export const GET = apiRoute(async (req: Request) => {
  const actor = await requireActor();
  const params = new URL(req.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : all[0]!;
  }
  const { filename, csv } = await insightCsv(getDb(), actor, raw, await requestIp());
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
