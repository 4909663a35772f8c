// Token buckets in process memory: per device for ingest, per key for other hot paths.
// With several web processes each enforces its own share, which is what a load
// balancer spreading one device's traffic would want anyway.
import { TooManyRequests } from '@/lib/errors';

type Bucket = { tokens: number; updatedAt: number };

export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  /** Takes `cost` tokens for `key` or throws 429 saying when to retry. */
  take(key: string, cost = 1): void {
    const now = Date.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.updatedAt) / 1000) * this.perSecond);
    b.updatedAt = now;
    if (b.tokens < cost) {
      this.buckets.set(key, b);
      const wait = Math.ceil((cost - b.tokens) / this.perSecond);
      throw new TooManyRequests(`Too many requests from this device. Retry in ${wait} s.`, wait);
    }
    b.tokens -= cost;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.sweep(now);
  }

  private sweep(now: number) {
    for (const [k, b] of this.buckets) if (now - b.updatedAt > 60_000) this.buckets.delete(k);
  }
}
