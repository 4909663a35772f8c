import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rateLimits } from '@/db/schema';
import { consume, release } from '@/lib/http/db-rate-limit';
import { db } from '../../support/fixtures';

const freshKey = () => `test:${randomUUID()}`;

describe('consume (database rate limit)', () => {
  it('lets exactly the limit through when 30 attempts race, and reports the start of the block once', async () => {
    const key = freshKey();
    const results = await Promise.all(Array.from({ length: 30 }, () => consume(db(), key, 7, 60)));
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
    expect(results.filter((r) => r.justBlocked)).toHaveLength(1);
    const refused = results.find((r) => !r.allowed)!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('starts a new window once the old one has passed', async () => {
    const key = freshKey();
    for (let i = 0; i < 3; i++) await consume(db(), key, 3, 60);
    expect((await consume(db(), key, 3, 60)).allowed).toBe(false);
    await db()
      .update(rateLimits)
      .set({ windowStart: sql`now() - interval '61 seconds'` })
      .where(eq(rateLimits.key, key));
    expect(await consume(db(), key, 3, 60)).toMatchObject({ allowed: true, hits: 1 });
  });

  it('gives an attempt back on release', async () => {
    const key = freshKey();
    for (let i = 0; i < 3; i++) await consume(db(), key, 3, 60);
    await release(db(), key);
    expect((await consume(db(), key, 3, 60)).allowed).toBe(true);
    expect((await consume(db(), key, 3, 60)).allowed).toBe(false);
  });

  it('with a backoff, blocks for the base time, then allows one try, then blocks twice as long', async () => {
    const key = freshKey();
    const backoff = { baseSeconds: 60, maxSeconds: 300 };
    for (let i = 0; i < 2; i++) expect((await consume(db(), key, 2, 900, backoff)).allowed).toBe(true);
    const first = await consume(db(), key, 2, 900, backoff);
    expect(first).toMatchObject({ allowed: false, justBlocked: true });
    expect(first.retryAfterSeconds).toBe(60);
    expect(await consume(db(), key, 2, 900, backoff)).toMatchObject({ allowed: false, justBlocked: false });

    const endBlock = () =>
      db()
        .update(rateLimits)
        .set({ blockedUntil: sql`now() - interval '1 second'` })
        .where(eq(rateLimits.key, key));
    await endBlock();
    expect((await consume(db(), key, 2, 900, backoff)).allowed).toBe(true);
    const second = await consume(db(), key, 2, 900, backoff);
    expect(second).toMatchObject({ allowed: false, justBlocked: true });
    expect(second.retryAfterSeconds).toBe(120);
    for (let i = 0; i < 3; i++) {
      await endBlock();
      await consume(db(), key, 2, 900, backoff);
    }
    await endBlock();
    await consume(db(), key, 2, 900, backoff);
    expect((await consume(db(), key, 2, 900, backoff)).retryAfterSeconds).toBe(300);
  });
});
