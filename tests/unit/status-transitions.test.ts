import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '@/lib/domain/enums';
import { canMove, NEXT_STATUSES } from '@/lib/incidents/status-transitions';

describe('incident status transitions', () => {
  it('follow reported → triaged → confirmed | unfounded → closed, with police referral before closing', () => {
    expect(canMove('reported', 'triaged')).toBe(true);
    expect(canMove('triaged', 'confirmed')).toBe(true);
    expect(canMove('confirmed', 'closed')).toBe(true);
    expect(canMove('triaged', 'referred_to_police')).toBe(true);
    expect(canMove('reported', 'closed')).toBe(false);
    expect(canMove('closed', 'reported')).toBe(false);
  });

  it('every status can eventually be closed, and nothing leaves closed', () => {
    for (const s of INCIDENT_STATUSES) {
      const seen = new Set([s]);
      const queue = [s];
      while (queue.length) {
        for (const n of NEXT_STATUSES[queue.shift()!]) {
          if (seen.has(n)) continue;
          seen.add(n);
          queue.push(n);
        }
      }
      expect(seen.has('closed')).toBe(true);
    }
    expect(NEXT_STATUSES.closed).toEqual([]);
  });
});
