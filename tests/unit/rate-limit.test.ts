import { afterEach, describe, expect, it, vi } from 'vitest';
import { TooManyRequests } from '@/lib/errors';
import { RateLimiter } from '@/lib/http/rate-limit';

afterEach(() => vi.useRealTimers());

describe('RateLimiter', () => {
  it('allows a burst, then refuses with a retry time, then refills at the rate', () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RateLimiter(2, 4);
    for (let i = 0; i < 4; i++) limiter.take('dev');
    const error = (() => {
      try {
        limiter.take('dev');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TooManyRequests);
    expect((error as TooManyRequests).retryAfterSeconds).toBe(1);
    vi.setSystemTime(500); // half a second refills one token at 2/s
    expect(() => limiter.take('dev')).not.toThrow();
    expect(() => limiter.take('other')).not.toThrow(); // buckets are per key
  });
});
