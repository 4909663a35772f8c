// The closed vocabularies of the domain, defined once: the pg enums in db/schema and
// the zod enums at every boundary are both built from these arrays.

export const ROLES = [
  'colleague',
  'security',
  'store_manager',
  'regional_manager',
  'investigator',
  'dpo',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose accounts must use a second factor (DESIGN.md §6). */
export const MFA_ROLES: readonly Role[] = ['store_manager', 'regional_manager', 'investigator', 'dpo', 'admin'];

export const SCOPE_TYPES = ['store', 'region', 'all'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export const STORE_FORMATS = ['superstore', 'supermarket', 'convenience', 'petrol_forecourt'] as const;

export const ZONE_KINDS = [
  'entrance',
  'exit',
  'self_checkout',
  'tills',
  'alcohol',
  'health_beauty',
  'pharmacy',
  'electricals',
  'meat_dairy',
  'cash_office',
  'stockroom',
  'car_park',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const INCIDENT_TYPES = [
  'theft',
  'robbery',
  'burglary',
  'criminal_damage',
  'violence_against_staff',
  'threats_abuse',
  'fraud',
  'antisocial_behaviour',
  'suspicious_activity',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_SOURCES = ['pwa', 'kiosk', 'console', 'camera', 'pos', 'sensor'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = [
  'reported',
  'triaged',
  'confirmed',
  'unfounded',
  'referred_to_police',
  'closed',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_EVENT_KINDS = [
  'created',
  'status_changed',
  'comment',
  'message_to_reporter',
  'evidence_added',
  'alert_linked',
  'shared',
] as const;

export const GOODS_CATEGORIES = [
  'alcohol',
  'meat',
  'cheese_dairy',
  'health_beauty',
  'baby_formula',
  'confectionery',
  'tobacco_vapes',
  'electricals',
  'clothing',
  'household',
  'fuel',
  'cash',
  'other',
] as const;

export const EVIDENCE_KINDS = ['photo', 'clip', 'cctv_still', 'receipt', 'document'] as const;
export const CUSTODY_ACTIONS = ['created', 'viewed', 'exported', 'shared', 'deleted'] as const;

export const DEVICE_KINDS = ['kiosk', 'camera', 'pos', 'sensor', 'vms'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const DEVICE_STATUSES = ['active', 'revoked'] as const;

export const POS_TRANSACTION_TYPES = [
  'sale',
  'return',
  'void',
  'line_void',
  'no_sale',
  'price_override',
  'discount',
] as const;

export const RULE_KINDS = ['threshold', 'correlation', 'pos_exception', 'anomaly'] as const;
export const ALERT_STATUSES = ['open', 'acknowledged', 'escalated', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const ALERT_SOURCES = ['camera', 'pos', 'sensor', 'staff', 'panic'] as const;

export const USER_STATUSES = ['active', 'disabled'] as const;
