// Each insight verb equals straightforward SQL over incident/alert on the seeded data, for the
// regional manager's region, an administrator's whole chain and a store manager's store.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, incidents, regions, stores } from '@/db/schema';
import { addDays, bucketStarts, localToday, resolvePeriod } from '@/lib/analytics/filters';
import { seasonalExpectation } from '@/lib/analytics/forecast';
import { incidentTrend } from '@/lib/analytics/incident-trend';
import { insightKpis } from '@/lib/analytics/kpis';
import { lossTrend } from '@/lib/analytics/loss-trend';
import { nextWeekRisk } from '@/lib/analytics/next-week-risk';
import { peakTimes } from '@/lib/analytics/peak-times';
import { reconcileInsightRollups } from '@/lib/analytics/reconcile-rollups';
import { reportOutcomes } from '@/lib/analytics/report-outcomes';
import { responseTimes } from '@/lib/analytics/response-times';
import { storeFigures } from '@/lib/analytics/store-figures';
import { violenceTrend } from '@/lib/analytics/violence-trend';
import { vulnerableCategories } from '@/lib/analytics/vulnerable-categories';
import { zoneFigures } from '@/lib/analytics/zone-figures';
import { insightCsv } from '@/lib/analytics/export-csv';
import { INCIDENT_TYPES, type IncidentType } from '@/lib/domain/enums';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { actorFor, db, storeByCode } from '../../support/fixtures';
import {
  truthAlerts,
  truthByDayType,
  truthCategories,
  truthHeat,
  truthHourCounts,
  truthPerStore,
  truthTotals,
} from './ground-truth';

const ALL = [...INCIDENT_TYPES];
const SOME: IncidentType[] = ['theft', 'threats_abuse', 'violence_against_staff'];
let nwy: string[] = [];
let chain: string[] = [];

beforeAll(async () => {
  const [region] = await db().select().from(regions).where(eq(regions.code, 'NWY'));
  nwy = (await db().select({ id: stores.id }).from(stores).where(eq(stores.regionId, region!.id))).map((s) => s.id);
  chain = (await db().select({ id: stores.id }).from(stores)).map((s) => s.id);
  // A few alerts with known response times (the demo seed has none).
  const mcr = await storeByCode('MCR01');
  const now = Date.now();
  await db()
    .insert(alerts)
    .values([
      {
        storeId: mcr.id,
        title: 'Test A',
        severity: 'high',
        source: 'sensor',
        createdAt: new Date(now - 3 * 3600e3),
        acknowledgedAt: new Date(now - 3 * 3600e3 + 90e3),
        resolvedAt: new Date(now - 3 * 3600e3 + 600e3),
        status: 'resolved',
      },
      {
        storeId: mcr.id,
        title: 'Test B',
        severity: 'low',
        source: 'camera',
        createdAt: new Date(now - 5 * 86400e3),
        acknowledgedAt: new Date(now - 5 * 86400e3 + 30e3),
        status: 'acknowledged',
      },
      { storeId: mcr.id, title: 'Test C', severity: 'medium', source: 'pos', createdAt: new Date(now - 2 * 86400e3) },
    ]);
});

const cases = [
  { who: 'regional', stores: () => nwy, filters: { period: '30d' as const } },
  { who: 'admin', stores: () => chain, filters: { period: '90d' as const, types: SOME } },
  { who: 'admin', stores: () => chain, filters: { period: '12m' as const } },
  { who: 'manager', stores: () => [] as string[], filters: { period: '7d' as const }, home: true },
];

describe.each(cases)(
  'insight verbs equal SQL ground truth: $who $filters.period',
  ({ who, stores: storeIds, filters, home }) => {
    let ids: string[] = [];
    const types = filters.types ?? ALL;
    const period = resolvePeriod({ period: filters.period }, localToday());
    beforeAll(async () => {
      ids = home ? [(await storeByCode('MCR01')).id] : storeIds();
    });

    it('KPIs, now and in the previous period', async () => {
      const k = await insightKpis(db(), await actorFor(who), filters);
      for (const [got, range] of [
        [k.current, period],
        [k.previous, period.previous],
      ] as const) {
        const t = await truthTotals(ids, range.from, range.to, types);
        expect(got.incidents).toBe(t.incidents);
        expect(got.lossPence).toBe(t.loss);
        expect(got.recoveredPence).toBe(t.recovered);
        expect(got.confirmed).toBe(t.confirmed);
        expect(got.unfounded).toBe(t.unfounded);
        expect(got.referred).toBe(t.referred);
        if (t.triage === null) expect(got.meanTriageSeconds).toBeNull();
        else expect(got.meanTriageSeconds).toBeCloseTo(t.triage, 6);
        const violent = await truthTotals(
          ids,
          range.from,
          range.to,
          types.filter((x) => ['violence_against_staff', 'threats_abuse', 'robbery'].includes(x)),
        );
        expect(got.violence).toBe(violent.incidents);
      }
    });

    it('incidents over time by type, and the violence trend', async () => {
      const actor = await actorFor(who);
      const [t, v] = await Promise.all([incidentTrend(db(), actor, filters), violenceTrend(db(), actor, filters)]);
      const truth = await truthByDayType(ids, period.from, period.to, types);
      const bucketOf = (day: string) => bucketStarts(day, day, period.bucket)[0]!;
      const expected = new Map<string, number>();
      for (const r of truth)
        expected.set(`${bucketOf(r.day)}|${r.type}`, (expected.get(`${bucketOf(r.day)}|${r.type}`) ?? 0) + r.n);
      for (const b of t.buckets)
        for (const ty of types) expect(b.byType[ty], `${b.bucket} ${ty}`).toBe(expected.get(`${b.bucket}|${ty}`) ?? 0);
      expect(t.total).toBe(truth.reduce((s, r) => s + r.n, 0));
      for (const b of v.buckets)
        expect(b.total).toBe(v.types.reduce((s, ty) => s + (expected.get(`${b.bucket}|${ty}`) ?? 0), 0));
    });

    it('peak times (weekday × local hour)', async () => {
      const p = await peakTimes(db(), await actorFor(who), filters);
      expect(p.cells).toEqual(await truthHeat(ids, period.from, period.to, types));
    });

    it('vulnerable goods categories', async () => {
      const c = await vulnerableCategories(db(), await actorFor(who), filters);
      const truth = await truthCategories(ids, period.from, period.to, types);
      expect(
        [...c.categories]
          .sort((a, b) => a.category.localeCompare(b.category))
          .map(({ category, incidents, lossPence }) => ({ category, incidents, lossPence })),
      ).toEqual(truth);
    });

    it('outcomes, loss and response times', async () => {
      const actor = await actorFor(who);
      const [o, l, r] = await Promise.all([
        reportOutcomes(db(), actor, filters),
        lossTrend(db(), actor, filters),
        responseTimes(db(), actor, filters),
      ]);
      const t = await truthTotals(ids, period.from, period.to, types);
      const p = await truthTotals(ids, period.previous.from, period.previous.to, types);
      expect(o.current).toMatchObject({
        reported: t.incidents,
        confirmed: t.confirmed,
        unfounded: t.unfounded,
        referred: t.referred,
        closed: t.closed,
      });
      expect(o.buckets.reduce((s, b) => s + b.confirmed, 0)).toBe(t.confirmed);
      expect(l.current).toEqual({ lossPence: t.loss, recoveredPence: t.recovered, netLossPence: t.loss - t.recovered });
      expect(l.estimatedSavingPence).toBe(p.loss - p.recovered - (t.loss - t.recovered));
      expect(l.buckets.reduce((s, b) => s + b.lossPence, 0)).toBe(t.loss);
      const a = await truthAlerts(ids, period.from, period.to);
      expect(r.current.alerts).toBe(a.alerts);
      expect(r.current.mttaSeconds).toBe(a.mtta);
      expect(r.current.mttrSeconds).toBe(a.mttr);
    });

    it('per-store figures for the map, and only the stores in scope', async () => {
      const s = await storeFigures(db(), await actorFor(who), filters);
      const truth = await truthPerStore(ids, period.from, period.to, types);
      expect(
        s.stores
          .map((x) => ({ code: x.code, n: x.incidents, loss: x.lossPence }))
          .sort((a, b) => a.code.localeCompare(b.code)),
      ).toEqual(truth);
    });

    it('next-week risk is the seasonal baseline of the last 8 weeks', async () => {
      const r = await nextWeekRisk(db(), await actorFor(who), filters.types ? { types: filters.types } : {});
      const first = await db().select().from(stores).where(eq(stores.code, r.stores[0]!.code));
      if (filters.types) return; // the ground truth helper counts every type
      const expected = seasonalExpectation(await truthHourCounts(first[0]!.id, r.basedOn.from, r.basedOn.to));
      const total = r.dates.reduce(
        (s, d) => s + expected[(new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7]!.reduce((a, b) => a + b, 0),
        0,
      );
      expect(r.stores[0]!.expectedWeek).toBeCloseTo(total, 9);
      expect(r.stores.length).toBe(ids.length);
    });
  },
);

describe('scope', () => {
  it('a regional manager gets Forbidden for another region or its store, NotFound for unknown codes', async () => {
    const regional = await actorFor('regional');
    await expect(insightKpis(db(), regional, { region: 'LSE' })).rejects.toBeInstanceOf(Forbidden);
    await expect(storeFigures(db(), regional, { store: 'LON01' })).rejects.toBeInstanceOf(Forbidden);
    await expect(zoneFigures(db(), regional, { store: 'LON01' })).rejects.toBeInstanceOf(Forbidden);
    await expect(insightKpis(db(), regional, { store: 'NOPE99' })).rejects.toBeInstanceOf(NotFound);
    const s = await storeFigures(db(), regional, {});
    expect(new Set(s.stores.map((x) => x.regionCode))).toEqual(new Set(['NWY']));
  });

  it('roles without insight access and invalid filters are refused', async () => {
    await expect(insightKpis(db(), await actorFor('colleague'), {})).rejects.toBeInstanceOf(Forbidden);
    await expect(insightKpis(db(), await actorFor('investigator'), {})).rejects.toBeInstanceOf(Forbidden);
    await expect(insightKpis(db(), await actorFor('regional'), { from: '2026-01-01' })).rejects.toBeInstanceOf(Invalid);
    await expect(insightKpis(db(), await actorFor('regional'), { types: ['arson'] })).rejects.toBeInstanceOf(Invalid);
  });

  it('a store manager sees only the home store, and its zones', async () => {
    const manager = await actorFor('manager');
    const s = await storeFigures(db(), manager, {});
    expect(s.stores.map((x) => x.code)).toEqual(['MCR01']);
    const z = await zoneFigures(db(), manager, { store: 'MCR01', period: '90d' });
    const mcr = await storeByCode('MCR01');
    const period = resolvePeriod({ period: '90d' }, localToday());
    const truth = await truthTotals([mcr.id], period.from, period.to, ALL);
    expect(z.zones.reduce((a, b) => a + b.incidents, 0)).toBe(truth.incidents);
  });

  it('CSV export is scoped and audited', async () => {
    const regional = await actorFor('regional');
    const { csv, filename } = await insightCsv(db(), regional, { chart: 'stores', period: '30d' });
    expect(filename).toMatch(/^vigil-stores-all-30d\.csv$/);
    expect(csv.split('\r\n')[0]).toMatch(/^store,name,region,incidents/);
    expect(csv).not.toContain('LON01');
    await expect(insightCsv(db(), regional, { chart: 'trend', region: 'LSE' })).rejects.toBeInstanceOf(Forbidden);
    const [audit] = (await db().execute(
      sql`select action, detail from audit_log where action = 'insights.exported' order by seq desc limit 1`,
    )) as unknown as { action: string }[];
    expect(audit?.action).toBe('insights.exported');
  });
});

describe('rollups follow incident changes, and local time across BST changes', () => {
  let regionId = '';
  let storeId = '';
  const created: string[] = [];

  beforeAll(async () => {
    const [r] = await db().insert(regions).values({ code: 'TZT', name: 'Time zone test' }).returning();
    regionId = r!.id;
    const [s] = await db()
      .insert(stores)
      .values({
        code: 'TZT01',
        name: 'Clock Change Test',
        format: 'convenience',
        regionId,
        address: '1 Test Street, London',
        postcode: 'N1 1AA',
        lat: 51.53,
        lng: -0.1,
      })
      .returning();
    storeId = s!.id;
    // Around the 2026 clock changes: 29 Mar 01:00 UTC (GMT→BST) and 25 Oct 01:00 UTC (BST→GMT).
    const at = [
      '2026-03-28T23:30:00Z', // Sat 28 Mar 23:30 GMT
      '2026-03-29T00:30:00Z', // Sun 29 Mar 00:30 GMT
      '2026-03-29T01:30:00Z', // Sun 29 Mar 02:30 BST
      '2026-06-30T23:30:00Z', // Wed 1 Jul 00:30 BST: a different local day than in UTC
      '2026-10-24T23:30:00Z', // Sun 25 Oct 00:30 BST
      '2026-10-25T00:30:00Z', // Sun 25 Oct 01:30 BST (the first 01:30)
      '2026-10-25T01:30:00Z', // Sun 25 Oct 01:30 GMT (the second 01:30)
    ];
    const rows = await db()
      .insert(incidents)
      .values(
        at.map((t, i) => ({
          ref: `INC-TZT-${i}`,
          storeId,
          type: 'theft' as const,
          occurredAt: new Date(t),
          reportedAt: new Date(new Date(t).getTime() + 600e3),
          source: 'console' as const,
          goodsCategories: ['alcohol'],
          lossPence: 1000 + i,
        })),
      )
      .returning({ id: incidents.id });
    created.push(...rows.map((r) => r.id));
  });

  afterAll(async () => {
    await db().delete(incidents).where(inArray(incidents.id, created));
    await db().delete(stores).where(eq(stores.id, storeId));
    await db().delete(regions).where(eq(regions.id, regionId));
  });

  it('puts each incident on its Europe/London day and hour', async () => {
    const admin = await actorFor('admin');
    const p = await peakTimes(db(), admin, { store: 'TZT01', from: '2026-03-01', to: '2026-10-31' });
    const want = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    want[5]![23] = 1; // Sat 23:30 GMT
    want[6]![0] = 2; // Sun 00:30 GMT (29 Mar) and 00:30 BST (25 Oct)
    want[6]![2] = 1; // Sun 02:30 BST
    want[2]![0] = 1; // Wed 1 Jul 00:30 BST
    want[6]![1] = 2; // both 01:30s on 25 Oct
    expect(p.cells).toEqual(want);
    expect(p.cells).toEqual(await truthHeat([storeId], '2026-03-01', '2026-10-31', ALL));
    const t = await incidentTrend(db(), admin, { store: 'TZT01', from: '2026-06-25', to: '2026-07-05' });
    expect(t.buckets.find((b) => b.bucket === '2026-07-01')!.total).toBe(1);
    expect(t.buckets.find((b) => b.bucket === '2026-06-30')!.total).toBe(0);
    const march = await insightKpis(db(), admin, { store: 'TZT01', from: '2026-03-29', to: '2026-03-29' });
    expect(march.current.incidents).toBe(2);
    expect(march.previous.incidents).toBe(1); // Sat 28 Mar
  });

  it('stays equal to the incidents after updates and deletes', async () => {
    const admin = await actorFor('admin');
    await db()
      .update(incidents)
      .set({ status: 'confirmed', lossPence: 5000, recoveredPence: 1200, triagedAt: new Date('2026-10-25T03:00:00Z') })
      .where(eq(incidents.id, created[6]!));
    await db()
      .update(incidents)
      .set({ type: 'fraud', goodsCategories: ['cash', 'alcohol'] })
      .where(eq(incidents.id, created[5]!));
    await db().update(incidents).set({ description: 'no change to any figure' }).where(eq(incidents.id, created[4]!));
    await db().delete(incidents).where(eq(incidents.id, created[3]!));
    created.splice(3, 1);
    const range = { store: 'TZT01', from: '2026-03-01', to: '2026-10-31' };
    const k = await insightKpis(db(), admin, range);
    const t = await truthTotals([storeId], range.from, range.to, ALL);
    expect(k.current).toMatchObject({
      incidents: t.incidents,
      lossPence: t.loss,
      recoveredPence: t.recovered,
      confirmed: t.confirmed,
    });
    expect(k.current.meanTriageSeconds).toBeCloseTo(t.triage!, 6);
    const c = await vulnerableCategories(db(), admin, range);
    expect(
      c.categories
        .map(({ category, incidents, lossPence }) => ({ category, incidents, lossPence }))
        .sort((a, b) => a.category.localeCompare(b.category)),
    ).toEqual(await truthCategories([storeId], range.from, range.to, ALL));
    // A whole-year view reads month rollups plus edge days; it must agree too.
    const year = await insightKpis(db(), admin, { store: 'TZT01', from: '2026-02-15', to: '2026-11-10' });
    expect(year.current.incidents).toBe((await truthTotals([storeId], '2026-02-15', '2026-11-10', ALL)).incidents);
    expect(await reconcileInsightRollups(db())).toEqual({ drifted: 0, rebuilt: false });
  });

  it('uses the previous equal period', () => {
    const p = resolvePeriod({ period: '7d' }, '2026-11-25');
    expect(p).toMatchObject({
      from: '2026-11-19',
      to: '2026-11-25',
      days: 7,
      previous: { from: '2026-11-12', to: '2026-11-18' },
    });
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
  });
});
