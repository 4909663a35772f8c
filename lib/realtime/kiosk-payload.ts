// What a shared kiosk screen may know about an alert: what and where, never who.
export type KioskAlert = {
  id: string;
  storeCode: string;
  title: string;
  severity: string;
  status: string;
  zone: string | null;
  createdAt: string;
};

export const KIOSK_ALERT_FIELDS = ['id', 'storeCode', 'title', 'severity', 'status', 'zone', 'createdAt'] as const;

export function toKioskAlert(payload: Record<string, unknown>): KioskAlert {
  return Object.fromEntries(KIOSK_ALERT_FIELDS.map((k) => [k, payload[k] ?? null])) as KioskAlert;
}
