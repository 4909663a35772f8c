// CSV of any insight chart's data, with the same scope checks as the page. Aggregates carry no
// personal data, but an export leaves the system, so it is recorded in the audit log.
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { type Actor, auditActor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/errors';
import { insightFiltersSchema } from './filters';
import { incidentTrend } from './incident-trend';
import { insightKpis } from './kpis';
import { lossTrend } from './loss-trend';
import { nextWeekRisk } from './next-week-risk';
import { peakTimes, WEEKDAYS } from './peak-times';
import { reportOutcomes } from './report-outcomes';
import { responseTimes } from './response-times';
import { storeFigures } from './store-figures';
import { violenceTrend } from './violence-trend';
import { vulnerableCategories } from './vulnerable-categories';
import { zoneFigures } from './zone-figures';

export const INSIGHT_CHARTS = [
  'kpis',
  'trend',
  'peaks',
  'categories',
  'outcomes',
  'response',
  'loss',
  'violence',
  'stores',
  'risk',
  'zones',
] as const;
export type InsightChart = (typeof INSIGHT_CHARTS)[number];

type Cell = string | number | boolean | null | undefined;

export function toCsv(header: string[], data: Cell[][]): string {
  const esc = (v: Cell) => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v);
    // Quote when needed; prefix formula-like text so spreadsheets never execute it.
    const safe = /^[=+\-@\t\r]/.test(s) && typeof v !== 'number' ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...data].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

const exportQuery = z
  .object({ chart: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(INSIGHT_CHARTS)) })
  .passthrough();

export async function insightCsv(db: DbOrTx, actor: Actor, raw: Record<string, unknown>, ip?: string | null) {
  const { chart } = parseInput(exportQuery, raw);
  const { chart: _c, ...rest } = raw;
  const filters = parseInput(insightFiltersSchema, rest);
  const { header, data } = await build(db, actor, chart, filters);
  await recordAudit(db, {
    ...auditActor(actor),
    action: 'insights.exported',
    entityType: 'insight_chart',
    entityId: chart,
    detail: { filters },
    ip,
  });
  const scope = filters.store ?? filters.region ?? 'all';
  return {
    filename: `vigil-${chart}-${scope.toLowerCase()}-${filters.from ?? filters.period}.csv`,
    csv: toCsv(header, data),
  };
}

async function build(
  db: DbOrTx,
  actor: Actor,
  chart: InsightChart,
  f: z.output<typeof insightFiltersSchema>,
): Promise<{ header: string[]; data: Cell[][] }> {
  switch (chart) {
    case 'kpis': {
      const k = await insightKpis(db, actor, f);
      const keys = Object.keys(k.current) as (keyof typeof k.current)[];
      return {
        header: ['figure', 'current', 'previous'],
        data: keys.map((key) => [key, k.current[key], k.previous[key]]),
      };
    }
    case 'trend': {
      const t = await incidentTrend(db, actor, f);
      return {
        header: ['bucket_start', ...t.types, 'total', 'previous_period_total'],
        data: t.buckets.map((b) => [b.bucket, ...t.types.map((x) => b.byType[x]), b.total, b.previousTotal]),
      };
    }
    case 'peaks': {
      const p = await peakTimes(db, actor, f);
      return {
        header: ['weekday', 'hour', 'incidents'],
        data: p.cells.flatMap((row, d) => row.map((n, h) => [WEEKDAYS[d], h, n])),
      };
    }
    case 'categories': {
      const c = await vulnerableCategories(db, actor, f);
      return {
        header: ['category', 'incidents', 'loss_pence', 'previous_incidents', 'previous_loss_pence'],
        data: c.categories.map((x) => [x.category, x.incidents, x.lossPence, x.previousIncidents, x.previousLossPence]),
      };
    }
    case 'outcomes': {
      const o = await reportOutcomes(db, actor, f);
      return {
        header: ['bucket_start', 'reported', 'confirmed', 'unfounded', 'referred_to_police', 'closed', 'open'],
        data: o.buckets.map((b) => [b.bucket, b.reported, b.confirmed, b.unfounded, b.referred, b.closed, b.open]),
      };
    }
    case 'response': {
      const r = await responseTimes(db, actor, f);
      return {
        header: ['bucket_start', 'mean_triage_seconds', 'alerts', 'mtta_seconds', 'mttr_seconds'],
        data: r.buckets.map((b) => [b.bucket, b.triageSeconds, b.alerts, b.mttaSeconds, b.mttrSeconds]),
      };
    }
    case 'loss': {
      const l = await lossTrend(db, actor, f);
      return {
        header: ['bucket_start', 'loss_pence', 'recovered_pence', 'net_loss_pence'],
        data: [
          ...l.buckets.map((b) => [b.bucket, b.lossPence, b.recoveredPence, b.netLossPence] as Cell[]),
          ['estimated_saving_vs_previous_period', null, null, l.estimatedSavingPence],
        ],
      };
    }
    case 'violence': {
      const v = await violenceTrend(db, actor, f);
      return {
        header: ['bucket_start', ...v.types, 'total', 'previous_period_total'],
        data: v.buckets.map((b) => [b.bucket, ...v.types.map((x) => b.byType[x]), b.total, b.previousTotal]),
      };
    }
    case 'stores': {
      const s = await storeFigures(db, actor, f);
      return {
        header: [
          'store',
          'name',
          'region',
          'incidents',
          'previous_incidents',
          'per_day',
          'loss_pence',
          'peer_robust_z',
          'expected_from_history',
          'history_p',
          'hotspot',
          'emerging',
          'why',
        ],
        data: s.stores.map((x) => [
          x.code,
          x.name,
          x.regionCode,
          x.incidents,
          x.previousIncidents,
          x.ratePerDay,
          x.lossPence,
          x.peerZ,
          x.expectedFromHistory,
          x.historyP,
          x.hotspot,
          x.emerging,
          x.reasons.join('; '),
        ]),
      };
    }
    case 'risk': {
      const r = await nextWeekRisk(db, actor, f);
      return {
        header: ['store', 'date', 'expected_incidents', 'busiest_two_hours_from', 'expected_in_those_two_hours'],
        data: r.stores.flatMap((s) =>
          s.days.map((d) => [
            s.code,
            d.date,
            d.expected,
            `${String(d.window.startHour).padStart(2, '0')}:00`,
            d.window.expected,
          ]),
        ),
      };
    }
    case 'zones': {
      const z = await zoneFigures(db, actor, f);
      return {
        header: [
          'zone',
          'incidents',
          'previous_incidents',
          'expected_from_history',
          'history_p',
          'loss_pence',
          'hotspot',
        ],
        data: z.zones.map((x) => [
          x.zone,
          x.incidents,
          x.previousIncidents,
          x.expectedFromHistory,
          x.historyP,
          x.lossPence,
          x.hotspot,
        ]),
      };
    }
  }
}
