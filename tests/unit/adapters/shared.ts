// Helpers shared by the adapter unit tests.
import { expect } from 'vitest';
import type { DeviceKind } from '@/lib/domain/enums';
import type { AdapterContext, AdapterResult } from '@/lib/ingest/types';

/** The authenticated device's context every adapter test runs with. */
export function testContext(deviceKind: DeviceKind = 'camera'): AdapterContext {
  return {
    storeId: '00000000-0000-4000-8000-000000000001',
    deviceId: '00000000-0000-4000-8000-000000000002',
    deviceKind,
    timeZone: 'Europe/London',
    now: new Date('2026-07-01T12:00:00Z'),
  };
}

/**
 * The invariants every adapter keeps: a refusal carries a string error; every item belongs
 * to the context's store and device and has a real time. Returns the items ([] on refusal)
 * so each test file can add its own checks.
 */
export function assertAdapterInvariants<T extends { storeId: string; deviceId: string; occurredAt: Date }>(
  r: AdapterResult<T>,
  ctx: AdapterContext,
): T[] {
  if (!r.ok) {
    expect(typeof r.error).toBe('string');
    return [];
  }
  for (const item of r.items) {
    expect(item.storeId).toBe(ctx.storeId);
    expect(item.deviceId).toBe(ctx.deviceId);
    expect(Number.isNaN(item.occurredAt.getTime())).toBe(false);
  }
  return r.items;
}

/** Escapes the five XML special characters, for text and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}
