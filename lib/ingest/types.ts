// The normalised shapes every vendor adapter produces (DESIGN.md §5). Adapters are
// pure: they get the authenticated device's context and return rows ready to insert.
import type { DeviceKind } from '@/lib/domain/enums';
import type { POS_TRANSACTION_TYPES } from '@/lib/domain/enums';

/** Known event types; anything else a vendor sends is stored as 'other' with its raw topic in the payload. */
export const SECURITY_EVENT_TYPES = [
  'person_detected',
  'loitering',
  'shelf_sweep',
  'eas_alarm',
  'door_open',
  'door_closed',
  'panic',
  'tamper',
  'motion',
  'line_crossing',
  'intrusion',
  'object_detected',
  'self_checkout_non_scan',
  'other',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export type AdapterContext = {
  storeId: string;
  deviceId: string;
  deviceKind: DeviceKind;
  /** IANA zone of the store: times without an offset are store-local. */
  timeZone: string;
  /** Receipt time, for payloads that carry no time at all. */
  now: Date;
};

export type NormalisedEvent = {
  storeId: string;
  deviceId: string;
  sourceKind: DeviceKind;
  /** The vendor's id for this event, unique per device: the dedupe key (see store-security-events.ts). */
  vendorEventId: string;
  type: SecurityEventType;
  occurredAt: Date;
  /** The vendor's zone/area name, matched to a store zone by the ingest layer. */
  zoneLabel: string | null;
  confidence: number | null;
  payload: Record<string, unknown>;
};

export type PosTransactionType = (typeof POS_TRANSACTION_TYPES)[number];

export type NormalisedPosLine = {
  sku?: string;
  description?: string;
  quantity: number;
  amountPence: number;
  voided?: boolean;
};

export type NormalisedPosTransaction = {
  storeId: string;
  deviceId: string;
  vendorTransactionId: string;
  terminalId: string;
  /** The vendor's raw operator id; the ingest layer pseudonymises it before storing. */
  operatorId: string | null;
  type: PosTransactionType;
  occurredAt: Date;
  totalPence: number;
  receiptRef: string | null;
  tenderType: string | null;
  /** Raw card token/last digits if present; pseudonymised before storing. */
  cardRef: string | null;
  flags: string[];
  lines: NormalisedPosLine[];
};

/** What an adapter returns: items, or a reason the whole payload is refused (→ 400, nothing stored). */
export type AdapterResult<T> =
  { ok: true; items: T[] } | { ok: false; error: string; issues?: { path: string; message: string }[] };
