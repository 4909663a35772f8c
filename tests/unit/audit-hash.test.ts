import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH } from '@/lib/audit/record-audit';

const row = {
  at: new Date('2026-03-01T10:00:00.000Z'),
  actorId: null,
  actorLabel: 'system',
  action: 'incident.create',
  entityType: 'incident',
  entityId: 'abc',
  detail: { b: 1, a: [2, { d: 3, c: 4 }] },
  ip: null,
};

describe('audit hash chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe(canonicalJson({ a: { c: 2, d: 1 }, b: 1 }));
  });

  it('the same row after the same hash always hashes the same', () => {
    expect(chainHash(GENESIS_HASH, row)).toBe(chainHash(GENESIS_HASH, { ...row, detail: { a: [2, { c: 4, d: 3 }], b: 1 } }));
  });

  it('any change to the row or to the previous hash changes the hash', () => {
    const base = chainHash(GENESIS_HASH, row);
    expect(chainHash(GENESIS_HASH, { ...row, action: 'incident.delete' })).not.toBe(base);
    expect(chainHash('f'.repeat(64), row)).not.toBe(base);
  });
});
