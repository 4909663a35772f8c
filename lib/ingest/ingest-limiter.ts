import { env } from '@/lib/env';
import { RateLimiter } from '@/lib/http/rate-limit';

/** One bucket per device, shared by every ingest route in this process. */
export const ingestLimiter = new RateLimiter(env.VIGIL_INGEST_RATE, env.VIGIL_INGEST_RATE * 2);
