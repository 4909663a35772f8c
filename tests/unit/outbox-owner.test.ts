import { describe, expect, it } from 'vitest';
import { assertQueuedBy, QueuedByAnotherAccount } from '@/lib/staff/outbox-owner';

const alice = { source: 'pwa' as const, actor: { id: 'a1' } };

describe('assertQueuedBy', () => {
  it('lets the account that queued a report send it', () => {
    expect(() => assertQueuedBy('a1', alice)).not.toThrow();
  });
  it('refuses to send it as anyone else signed in on the device', () => {
    expect(() => assertQueuedBy('b2', alice)).toThrow(QueuedByAnotherAccount);
    expect(() => assertQueuedBy('a1', { source: 'kiosk', actor: { id: 'a1' } })).toThrow(QueuedByAnotherAccount);
  });
  it('leaves requests that name no owner (API clients, the kiosk) alone', () => {
    expect(() => assertQueuedBy(null, alice)).not.toThrow();
  });
  it('answers 409 with a code the service worker recognises', () => {
    const e = new QueuedByAnotherAccount();
    expect(e.status).toBe(409);
    expect(e.code).toBe('queued_by_another_account');
  });
});
