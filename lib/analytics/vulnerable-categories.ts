// "Which goods are taken most, and what are they worth?" An incident naming two categories
// counts (with its whole loss) in each.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { insightContext, rows, typeSum } from './query';
import { unitWhere } from './scope';

export async function vulnerableCategories(db: DbOrTx, actor: Actor, raw: unknown, today?: string) {
  const { period, scope, types } = await insightContext(db, actor, raw, today);
  const sums = (from: string, to: string) =>
    rows<{ category: string; incidents: number; lossPence: number }>(
      db,
      sql`select r.category, sum(${typeSum('n', types)})::float8 as incidents, sum(${typeSum('loss', types)})::float8 as "lossPence"
          from insight_category_day r where ${unitWhere(scope)} and r.day between ${from}::date and ${to}::date
          group by 1`,
    );
  const [cur, prev] = await Promise.all([sums(period.from, period.to), sums(period.previous.from, period.previous.to)]);
  const before = new Map(prev.map((p) => [p.category, p]));
  const categories = cur
    .filter((c) => c.incidents > 0 || c.lossPence !== 0)
    .map((c) => ({
      category: c.category,
      incidents: c.incidents,
      lossPence: c.lossPence,
      previousIncidents: before.get(c.category)?.incidents ?? 0,
      previousLossPence: before.get(c.category)?.lossPence ?? 0,
    }))
    .sort((a, b) => b.lossPence - a.lossPence || b.incidents - a.incidents || a.category.localeCompare(b.category));
  return { period, categories };
}
