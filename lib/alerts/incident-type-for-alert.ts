// Which kind of incident an alert most likely describes, for the pre-filled
// "Create incident". It is a first guess the person can change, so it errs towards
// the milder reading: a panic button says someone felt threatened, not that they
// were hurt, so it is "threats and abuse" rather than "violence against staff".
import type { ALERT_SOURCES, IncidentType } from '@/lib/domain/enums';

/** Event types, most telling first: the first one present among the triggering events decides. */
const BY_EVENT_TYPE: [string, IncidentType][] = [
  ['panic', 'threats_abuse'],
  ['eas_alarm', 'theft'],
  ['shelf_sweep', 'theft'],
  ['tamper', 'criminal_damage'],
  ['intrusion', 'suspicious_activity'],
  ['loitering', 'suspicious_activity'],
  ['line_crossing', 'suspicious_activity'],
  ['door_open', 'suspicious_activity'],
  ['person_detected', 'suspicious_activity'],
  ['object_detected', 'suspicious_activity'],
  ['motion', 'suspicious_activity'],
];

/** When no triggering event says more (anomaly alerts, foreign emitters): by the alert's source. */
const BY_SOURCE: Record<(typeof ALERT_SOURCES)[number], IncidentType> = {
  panic: 'threats_abuse',
  // Till exceptions (refunds without receipt, voids, refunds to one card, no-sales) are fraud until shown otherwise.
  pos: 'fraud',
  camera: 'suspicious_activity',
  sensor: 'suspicious_activity',
  staff: 'other',
};

/** Words in a rule's name, for alerts whose events are gone (short retention) or never stored. */
const BY_TITLE: [RegExp, IncidentType][] = [
  [/\bpanic\b/i, 'threats_abuse'],
  [/\b(eas|gate alarm|shelf sweep|sweep|theft|shoplift)/i, 'theft'],
  [/\b(refund|void|no[- ]sale|price override|till)/i, 'fraud'],
  [/\btamper/i, 'criminal_damage'],
];

export function incidentTypeForAlert(alert: {
  source?: string | null;
  title?: string | null;
  eventTypes?: string[];
}): IncidentType {
  const types = new Set(alert.eventTypes ?? []);
  for (const [type, incident] of BY_EVENT_TYPE) if (types.has(type)) return incident;
  if (alert.source === 'panic' || alert.source === 'pos') return BY_SOURCE[alert.source];
  for (const [pattern, incident] of BY_TITLE) if (alert.title && pattern.test(alert.title)) return incident;
  return BY_SOURCE[alert.source as keyof typeof BY_SOURCE] ?? 'other';
}
