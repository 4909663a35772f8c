// Runs on the ingest path, right after a batch is stored: threshold and correlation
// rules are checked with one query each against the events table, so a burst makes
// an alert in milliseconds rather than on a poll.
import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { securityEvents } from '@/db/schema';
import { announceAlert, type SavedAlert } from '@/lib/alerts/raise-alert';
import type { StoredEvent } from '@/lib/ingest/store-security-events';
import type { ALERT_SOURCES } from '@/lib/domain/enums';
import { humanise, phrase } from '@/lib/domain/format';
import { applicableRules, type AlertRule } from './applicable-rules';
import { correlationCondition, thresholdCondition } from './conditions';
import { raiseUnlessSuppressed } from './raise-unless-suppressed';

type Store = { id: string; regionId: string };
type AlertSource = (typeof ALERT_SOURCES)[number];

const sourceOf = (e: StoredEvent): AlertSource =>
  e.type === 'panic' ? 'panic' : e.sourceKind === 'pos' ? 'pos' : e.sourceKind === 'sensor' || e.sourceKind === 'kiosk' ? 'sensor' : 'camera';

async function evaluateThreshold(db: DbOrTx, rule: AlertRule, store: Store, batch: StoredEvent[]) {
  const c = thresholdCondition.safeParse(rule.condition);
  if (!c.success) return [];
  const matching = batch.filter((e) => e.type === c.data.eventType);
  const groups = new Map<string, StoredEvent[]>();
  for (const e of matching) {
    const key = c.data.perZone ? (e.zoneId ?? '') : '';
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const raised: SavedAlert[] = [];
  for (const [zoneKey, events] of groups) {
    const latest = events.reduce((a, b) => (a.occurredAt > b.occurredAt ? a : b));
    const windowStart = new Date(latest.occurredAt.getTime() - c.data.windowSeconds * 1000);
    const inWindow = await db
      .select({ id: securityEvents.id })
      .from(securityEvents)
      .where(
        and(
          eq(securityEvents.storeId, store.id),
          eq(securityEvents.type, c.data.eventType),
          gte(securityEvents.occurredAt, windowStart),
          lte(securityEvents.occurredAt, latest.occurredAt),
          c.data.perZone && zoneKey ? eq(securityEvents.zoneId, zoneKey) : undefined,
        ),
      )
      .orderBy(desc(securityEvents.occurredAt))
      .limit(Math.max(c.data.count, 50));
    if (inWindow.length < c.data.count) continue;
    const alert = await raiseUnlessSuppressed(db, rule, {
      storeId: store.id,
      zoneId: zoneKey || null,
      source: sourceOf(latest),
      triggeringEventIds: inWindow.map((r) => r.id),
      detail: { reason: `${inWindow.length} × ${phrase(c.data.eventType)} within ${Math.round(c.data.windowSeconds / 60) || 1} min` },
    });
    if (alert) raised.push(alert);
  }
  return raised;
}

async function evaluateCorrelation(db: DbOrTx, rule: AlertRule, store: Store, batch: StoredEvent[]) {
  const c = correlationCondition.safeParse(rule.condition);
  if (!c.success) return [];
  const relevant = batch.filter((x) => x.type === c.data.firstType || x.type === c.data.secondType);
  if (relevant.length === 0) return [];
  const ms = c.data.withinSeconds * 1000;
  const times = relevant.map((e) => e.occurredAt.getTime());
  // One query per batch, for partner types only: a batch of person detections needs
  // the (rare) gate alarms around it, not every other person detection.
  const partnerTypes = [...new Set(relevant.map((e) => (e.type === c.data.firstType ? c.data.secondType : c.data.firstType)))];
  const candidates = await db
    .select({ id: securityEvents.id, type: securityEvents.type, zoneId: securityEvents.zoneId, occurredAt: securityEvents.occurredAt })
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.storeId, store.id),
        inArray(securityEvents.type, partnerTypes),
        gte(securityEvents.occurredAt, new Date(Math.min(...times) - ms)),
        lte(securityEvents.occurredAt, new Date(Math.max(...times) + ms)),
      ),
    )
    .limit(5000);
  const raised: SavedAlert[] = [];
  for (const e of relevant) {
    const otherType = e.type === c.data.firstType ? c.data.secondType : c.data.firstType;
    const partner = candidates.find(
      (p) =>
        p.id !== e.id &&
        p.type === otherType &&
        Math.abs(p.occurredAt.getTime() - e.occurredAt.getTime()) <= ms &&
        (!c.data.sameZone || !e.zoneId || p.zoneId === e.zoneId),
    );
    if (!partner) continue;
    const alert = await raiseUnlessSuppressed(db, rule, {
      storeId: store.id,
      zoneId: c.data.sameZone ? e.zoneId : null,
      source: sourceOf(e),
      triggeringEventIds: [partner.id, e.id],
      detail: { reason: `${humanise(c.data.firstType)} and ${phrase(c.data.secondType)} within ${c.data.withinSeconds} s` },
    });
    if (alert) raised.push(alert);
    // Suppressed or not, one alert per rule per batch is enough.
    if (rule.suppressionSeconds > 0) break;
  }
  return raised;
}

/** Evaluates the stored batch (all from one store) and announces any alerts raised. */
export async function evaluateSecurityEvents(db: DbOrTx, store: Store, batch: StoredEvent[]): Promise<SavedAlert[]> {
  if (batch.length === 0) return [];
  const types = new Set(batch.map((e) => e.type));
  const rules = (await applicableRules(db, ['threshold', 'correlation'], store)).filter((r) => {
    const cond = r.condition as Record<string, unknown>;
    return [cond.eventType, cond.firstType, cond.secondType].some((t) => typeof t === 'string' && types.has(t));
  });
  const raised: { alert: SavedAlert; rule: AlertRule }[] = [];
  for (const rule of rules) {
    const alerts = rule.kind === 'threshold' ? await evaluateThreshold(db, rule, store, batch) : await evaluateCorrelation(db, rule, store, batch);
    raised.push(...alerts.map((alert) => ({ alert, rule })));
  }
  for (const { alert, rule } of raised) await announceAlert(db, alert, rule.escalationDelaySeconds);
  return raised.map((r) => r.alert);
}
