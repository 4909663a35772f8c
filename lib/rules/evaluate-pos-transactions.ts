// POS exception rules, run right after a batch of till transactions is stored:
// refunds without a receipt over £X, refunds to one card, and voids / no-sales /
// price overrides per (pseudonymised) operator within a shift-length window.
import { and, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { posTransactions } from '@/db/schema';
import { announceAlert, type SavedAlert } from '@/lib/alerts/raise-alert';
import { formatPence } from '@/lib/domain/format';
import type { StoredPosTransaction } from '@/lib/ingest/store-pos-transactions';
import { applicableRules, type AlertRule } from './applicable-rules';
import { posExceptionCondition } from './conditions';
import { raiseUnlessSuppressed } from './raise-unless-suppressed';

type Store = { id: string; regionId: string };
const SHIFT_SECONDS = 8 * 3600;

/** Per-operator counting patterns: which transactions count towards each. */
const OPERATOR_PATTERNS = {
  voids_per_operator: { label: 'voids', match: sql`(${posTransactions.type} in ('void', 'line_void') or 'line_void' = any(${posTransactions.flags}))` },
  no_sales_per_operator: { label: 'no-sales', match: sql`${posTransactions.type} = 'no_sale'` },
  price_overrides_per_operator: { label: 'price overrides', match: sql`(${posTransactions.type} = 'price_override' or 'price_override' = any(${posTransactions.flags}))` },
} as const;

async function evaluateRule(db: DbOrTx, rule: AlertRule, store: Store, batch: StoredPosTransaction[]): Promise<SavedAlert[]> {
  const c = posExceptionCondition.safeParse(rule.condition);
  if (!c.success) return [];
  const raised: SavedAlert[] = [];
  const fire = async (ids: string[], reason: string) => {
    const alert = await raiseUnlessSuppressed(db, rule, { storeId: store.id, zoneId: null, source: 'pos', triggeringEventIds: ids, detail: { reason } });
    if (alert) raised.push(alert);
  };

  if (c.data.pattern === 'refund_without_receipt') {
    for (const t of batch) {
      const amount = Math.abs(t.totalPence);
      if (t.type === 'return' && t.flags.includes('no_receipt') && amount >= (c.data.minPence ?? 0)) {
        await fire([t.id], `Refund of ${formatPence(amount)} without a receipt at till ${t.terminalId}`);
      }
    }
    return raised;
  }

  const windowSeconds = c.data.windowSeconds ?? SHIFT_SECONDS;
  const threshold = c.data.count ?? 3;
  const latest = new Date(Math.max(...batch.map((t) => t.occurredAt.getTime())));
  const since = new Date(latest.getTime() - windowSeconds * 1000);

  if (c.data.pattern === 'refunds_same_card') {
    const cards = [...new Set(batch.filter((t) => t.type === 'return' && t.cardPseudo).map((t) => t.cardPseudo!))];
    if (cards.length === 0) return raised;
    const rows = await db
      .select({ card: posTransactions.cardPseudo, n: count(), ids: sql<string[]>`array_agg(${posTransactions.id})` })
      .from(posTransactions)
      .where(and(eq(posTransactions.storeId, store.id), eq(posTransactions.type, 'return'), inArray(posTransactions.cardPseudo, cards), gte(posTransactions.occurredAt, since), lte(posTransactions.occurredAt, latest)))
      .groupBy(posTransactions.cardPseudo);
    for (const r of rows.filter((r) => r.n >= threshold)) await fire(r.ids, `${r.n} refunds to the same card within ${Math.round(windowSeconds / 3600)} h`);
    return raised;
  }

  const pattern = OPERATOR_PATTERNS[c.data.pattern];
  const operators = [...new Set(batch.map((t) => t.operatorPseudo).filter((o): o is string => !!o))];
  if (operators.length === 0) return raised;
  const rows = await db
    .select({ operator: posTransactions.operatorPseudo, n: count(), ids: sql<string[]>`array_agg(${posTransactions.id})` })
    .from(posTransactions)
    .where(and(eq(posTransactions.storeId, store.id), inArray(posTransactions.operatorPseudo, operators), gte(posTransactions.occurredAt, since), lte(posTransactions.occurredAt, latest), pattern.match))
    .groupBy(posTransactions.operatorPseudo);
  for (const r of rows.filter((r) => r.n >= threshold)) {
    await fire(r.ids, `${r.n} ${pattern.label} by one operator within ${Math.round(windowSeconds / 3600)} h`);
  }
  return raised;
}

export async function evaluatePosTransactions(db: DbOrTx, store: Store, batch: StoredPosTransaction[]): Promise<SavedAlert[]> {
  if (batch.length === 0) return [];
  const rules = await applicableRules(db, ['pos_exception'], store);
  const raised: { alert: SavedAlert; rule: AlertRule }[] = [];
  for (const rule of rules) raised.push(...(await evaluateRule(db, rule, store, batch)).map((alert) => ({ alert, rule })));
  for (const { alert, rule } of raised) await announceAlert(db, alert, rule.escalationDelaySeconds);
  return raised.map((r) => r.alert);
}
