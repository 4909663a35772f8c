// The alert as the console holds it, and the small formats the console shows.
import type { Severity } from '@/lib/domain/enums';

/** The contract guarantees id, storeCode, severity, status and createdAt; everything else may be missing. */
export type FeedAlert = {
  id: string;
  storeCode: string;
  title?: string;
  severity: Severity;
  status: string;
  source?: string;
  createdAt: string;
  outcome?: string | null;
  actedBy?: string;
  escalatedTo?: string | null;
  reason?: string | null;
  assignedTo?: { id: string; name: string } | null;
  incidentId?: string | null;
  incidentRef?: string | null;
};

export type Colleague = { id: string; name: string };

/** "Sam Security" → "Sam S.": enough to know who, without a full name in a busy list. */
export function shortName(name: string | null | undefined): string {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'someone';
  return parts.length === 1 ? parts[0]! : `${parts[0]} ${parts[parts.length - 1]![0]!.toUpperCase()}.`;
}

/** "14:05" today, "Tue 3 Mar, 14:05" before then, in the store's timezone. */
export function formatClock(at: string, timeZone: string, now = Date.now()): string {
  const d = new Date(at);
  const day = (x: Date) =>
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(x);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  if (day(d) === day(new Date(now))) return time;
  const date = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(
    d,
  );
  return `${date.replace(',', '')}, ${time}`;
}

/** The console's link to an incident's entry in the triage queue on the same page. */
export const triageHref = (storeCode: string, ref: string) =>
  `/stores/${encodeURIComponent(storeCode)}?incident=${encodeURIComponent(ref)}#incident-${ref}`;
