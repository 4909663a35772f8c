// Where an incident may go next (DESIGN.md §4): reported → triaged → confirmed |
// unfounded → closed, with referral to police possible until it is closed.
import type { IncidentStatus } from '@/lib/domain/enums';

export const NEXT_STATUSES: Record<IncidentStatus, IncidentStatus[]> = {
  reported: ['triaged', 'unfounded', 'referred_to_police'],
  triaged: ['confirmed', 'unfounded', 'referred_to_police'],
  confirmed: ['referred_to_police', 'closed'],
  unfounded: ['closed'],
  referred_to_police: ['confirmed', 'closed'],
  closed: [],
};

export const canMove = (from: IncidentStatus, to: IncidentStatus) => NEXT_STATUSES[from].includes(to);

/** Statuses still waiting for someone in the store to act. */
export const OPEN_STATUSES: IncidentStatus[] = ['reported', 'triaged', 'referred_to_police'];
