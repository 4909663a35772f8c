import { and, eq, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alerts } from '@/db/schema';
import { insertAlert, type SavedAlert } from '@/lib/alerts/raise-alert';
import type { ALERT_SOURCES } from '@/lib/domain/enums';
import type { AlertRule } from './applicable-rules';

export type Firing = {
  storeId: string;
  zoneId: string | null;
  source: (typeof ALERT_SOURCES)[number];
  triggeringEventIds: string[];
  detail: Record<string, unknown>;
};

/**
 * One alert per burst: under a per-rule-and-store lock, a rule that already alerted
 * inside its suppression window stays quiet. Returns the alert if one was raised.
 */
export async function raiseUnlessSuppressed(db: DbOrTx, rule: AlertRule, f: Firing): Promise<SavedAlert | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${rule.id}|${f.storeId}|${f.zoneId ?? ''}`}))`);
    if (rule.suppressionSeconds > 0) {
      const since = new Date(Date.now() - rule.suppressionSeconds * 1000);
      const [recent] = await tx
        .select({ id: alerts.id })
        .from(alerts)
        .where(and(eq(alerts.ruleId, rule.id), eq(alerts.storeId, f.storeId), f.zoneId ? eq(alerts.zoneId, f.zoneId) : undefined, gte(alerts.createdAt, since)))
        .limit(1);
      if (recent) return null;
    }
    return insertAlert(tx, {
      storeId: f.storeId,
      ruleId: rule.id,
      zoneId: f.zoneId,
      title: rule.name,
      severity: rule.severity,
      source: f.source,
      triggeringEventIds: f.triggeringEventIds,
      detail: { ...f.detail, ruleKind: rule.kind, recipients: rule.recipientRoles },
      escalationDelaySeconds: rule.escalationDelaySeconds,
    });
  });
}
