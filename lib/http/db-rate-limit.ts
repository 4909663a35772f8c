// Attempt limits that hold across every web process: one row per key in rate_limit,
// changed by a single upsert, so N parallel attempts get at most `limit` through.
// For brute-force guards (sign-in, kiosk pairing, kiosk PINs); per-device ingest
// throughput stays in memory (rate-limit.ts).
import { lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { TooManyRequests } from '@/lib/errors';

/**
 * Instead of a plain window: when the limit is reached the key is locked for
 * `baseSeconds`, then allows one more try; each further block doubles, up to
 * `maxSeconds`. A person locked out by someone else's guesses waits minutes, not the
 * whole window, while a guesser gets ever fewer tries.
 */
export type Backoff = { baseSeconds: number; maxSeconds: number };

export type Consumed = {
  allowed: boolean;
  /** Attempts counted in the current window (in flight and failed). */
  hits: number;
  retryAfterSeconds: number;
  /** True for the one attempt that started a block: audit that one, not every refusal. */
  justBlocked: boolean;
};

/** Counts one attempt for `key`; `allowed` says whether it may go ahead. */
export async function consume(
  db: DbOrTx,
  key: string,
  limit: number,
  windowSeconds: number,
  backoff?: Backoff,
): Promise<Consumed> {
  const base = backoff?.baseSeconds ?? 0;
  const max = backoff?.maxSeconds ?? 0;
  // Every SET expression reads the row as it was before this attempt.
  const now = sql`statement_timestamp()`;
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const locked = sql`(r.blocked_until is not null and r.blocked_until > ${now})`;
  const expired = sql`(not ${locked} and r.window_start <= ${now} - ${window})`;
  const blockStarts = sql`(${base}::int > 0 and not ${locked} and not ${expired} and r.hits >= ${limit}::int)`;
  const rows = await db.execute<{ hits: number; allowed: boolean; retry: number; just_blocked: boolean }>(sql`
    insert into rate_limit as r (key, hits, window_start, blocks, just_blocked)
    values (${key}, 1, ${now}, 0, ${limit}::int < 1)
    on conflict (key) do update set
      hits = case
        when ${locked} then r.hits
        when ${expired} then 1
        -- a block leaves exactly one try for when it ends
        when ${blockStarts} then ${limit}::int - 1
        else least(r.hits + 1, ${limit}::int + 1)
      end,
      window_start = case when ${expired} then ${now} else r.window_start end,
      blocked_until = case
        when ${blockStarts} then ${now} + make_interval(secs => least(${max}::int, ${base}::int * power(2, least(r.blocks, 20))))
        else r.blocked_until
      end,
      blocks = case
        when ${blockStarts} then r.blocks + 1
        -- quiet for a whole window since the last block: start doubling from the base again
        when ${expired} and (r.blocked_until is null or r.blocked_until <= ${now} - ${window}) then 0
        else r.blocks
      end,
      just_blocked = ${blockStarts} or (${base}::int = 0 and not ${expired} and r.hits = ${limit}::int)
    returning
      hits,
      just_blocked,
      (blocked_until is null or blocked_until <= ${now}) and hits <= ${limit}::int as allowed,
      ceil(extract(epoch from case
        when blocked_until > ${now} then blocked_until - ${now}
        else window_start + ${window} - ${now}
      end))::int as retry`);
  const row = rows[0]!;
  return {
    allowed: row.allowed,
    hits: row.hits,
    retryAfterSeconds: Math.max(1, row.retry),
    justBlocked: row.just_blocked,
  };
}

/** Gives back the attempt counted by `consume` (it succeeded, or was never evaluated). */
export async function release(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`update rate_limit set hits = greatest(hits - 1, 0) where key = ${key}`);
}

/** `consume` for callers that answer 429: throws TooManyRequests with `message(retryAfterSeconds)`. */
export async function consumeOrThrow(
  db: DbOrTx,
  key: string,
  limit: number,
  windowSeconds: number,
  message: (retryAfterSeconds: number) => string,
): Promise<void> {
  const result = await consume(db, key, limit, windowSeconds);
  if (!result.allowed) throw new TooManyRequests(message(result.retryAfterSeconds), result.retryAfterSeconds);
}

/** Drops counters idle for a day (daily housekeeping job). */
export async function pruneRateLimits(db: DbOrTx): Promise<number> {
  const gone = await db
    .delete(rateLimits)
    .where(
      sql`${rateLimits.windowStart} < now() - interval '1 day' and (${rateLimits.blockedUntil} is null or ${lt(rateLimits.blockedUntil, sql`now()`)})`,
    )
    .returning({ key: rateLimits.key });
  return gone.length;
}
