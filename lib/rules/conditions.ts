// The condition of each rule kind, validated with zod on every write and read.
import { z } from 'zod';
import { SECURITY_EVENT_TYPES } from '@/lib/ingest/types';

export const thresholdCondition = z.object({
  eventType: z.enum(SECURITY_EVENT_TYPES),
  count: z.number().int().min(1).max(10_000),
  windowSeconds: z.number().int().min(1).max(7 * 86_400),
  /** Count per zone instead of per store. */
  perZone: z.boolean().default(false),
});

export const correlationCondition = z.object({
  firstType: z.enum(SECURITY_EVENT_TYPES),
  secondType: z.enum(SECURITY_EVENT_TYPES),
  withinSeconds: z.number().int().min(1).max(3600),
  sameZone: z.boolean().default(false),
});

export const posExceptionCondition = z.object({
  pattern: z.enum(['refund_without_receipt', 'refunds_same_card', 'voids_per_operator', 'no_sales_per_operator', 'price_overrides_per_operator']),
  minPence: z.number().int().min(0).optional(),
  count: z.number().int().min(1).optional(),
  windowSeconds: z.number().int().min(60).optional(),
});

export const anomalyCondition = z.object({
  subject: z.enum(['store', 'operator']),
  eventType: z.string(),
  zThreshold: z.number().min(1).max(20).default(3.5),
  minSamples: z.number().int().min(5).default(14),
});

export const conditionSchemas = {
  threshold: thresholdCondition,
  correlation: correlationCondition,
  pos_exception: posExceptionCondition,
  anomaly: anomalyCondition,
} as const;

export type ThresholdCondition = z.infer<typeof thresholdCondition>;
export type CorrelationCondition = z.infer<typeof correlationCondition>;
