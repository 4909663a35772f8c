// The ingest path shared by every transport (HTTP generic/ONVIF/POS, MQTT): adapt →
// store (deduped) → evaluate rules. Accepting means the rows are committed.
import type { DbOrTx } from '@/db/client';
import type { AuthenticatedDevice } from '@/lib/devices/authenticate-device';
import { Invalid } from '@/lib/errors';
import { evaluatePosTransactions } from '@/lib/rules/evaluate-pos-transactions';
import { evaluateSecurityEvents } from '@/lib/rules/evaluate-security-events';
import { unstorableIssue } from './adapters/storable';
import { storePosTransactions } from './store-pos-transactions';
import { storeSecurityEvents } from './store-security-events';
import type { AdapterContext, AdapterResult, NormalisedEvent, NormalisedPosTransaction } from './types';

export type IngestResult = { accepted: number; duplicates: number; updated?: number; alerts: number };

export const contextFor = (device: AuthenticatedDevice, now = new Date()): AdapterContext => ({
  storeId: device.storeId,
  deviceId: device.id,
  deviceKind: device.kind,
  timeZone: device.timeZone,
  now,
});

/**
 * The adapters refuse unstorable text in what they read; this checks what they produced
 * too, so a value an adapter derives (or a future adapter forgets) is a 400, not a 500.
 */
function assertStorable(path: string, items: unknown[]): void {
  const issue = unstorableIssue(items, { path });
  if (issue) throw new Invalid('Some values cannot be stored.', [issue]);
}

export async function ingestEvents(
  db: DbOrTx,
  device: AuthenticatedDevice,
  adapted: AdapterResult<NormalisedEvent>,
  opts: { updateInPlace?: boolean } = {},
): Promise<IngestResult> {
  if (!adapted.ok) throw new Invalid(adapted.error, adapted.issues ?? []);
  assertStorable('events', adapted.items);
  const { accepted, duplicates, updated, stored } = await storeSecurityEvents(db, adapted.items, opts);
  const alerts = await evaluateSecurityEvents(db, { id: device.storeId, regionId: device.regionId }, stored);
  return { accepted, duplicates, ...(opts.updateInPlace ? { updated } : {}), alerts: alerts.length };
}

export async function ingestPosTransactions(
  db: DbOrTx,
  device: AuthenticatedDevice,
  adapted: AdapterResult<NormalisedPosTransaction>,
): Promise<IngestResult> {
  if (!adapted.ok) throw new Invalid(adapted.error, adapted.issues ?? []);
  assertStorable('transactions', adapted.items);
  const { accepted, duplicates, stored } = await storePosTransactions(db, adapted.items);
  const alerts = await evaluatePosTransactions(db, { id: device.storeId, regionId: device.regionId }, stored);
  return { accepted, duplicates, alerts: alerts.length };
}
