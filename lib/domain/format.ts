// UK formats for everything people read: "Tue 3 Mar, 14:05", £1,234.50, "2 min ago".

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
export const formatPence = (pence: number) => money.format(pence / 100);

export function formatDateTime(at: Date | string, timeZone = 'Europe/London'): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  const date = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${date.replace(',', '')}, ${time}`;
}

export function formatAge(at: Date | string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(at).getTime()) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

const ACRONYMS = /\b(eas|pos|pwa|onvif|vms|cctv|mfa)\b/gi;

/** "eas_alarm" → "EAS alarm" (mid-sentence); acronyms stay capitals. */
export const phrase = (value: string) => value.replace(/_/g, ' ').toLowerCase().replace(ACRONYMS, (m) => m.toUpperCase());

/** "eas_alarm" → "EAS alarm": identifiers as words people read. */
export const humanise = (value: string) => {
  const s = value.replace(/_/g, ' ').replace(ACRONYMS, (m) => m.toUpperCase());
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** "Jane Smith" → "J. S." — lists mask names; the full name is revealed on purpose. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => `${p[0]!.toUpperCase()}.`)
    .join(' ');
