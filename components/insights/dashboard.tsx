// The insight dashboard for any view (all stores in scope, a region, or one store): server side,
// it calls the lib/analytics verbs and hands plain data to the client charts and map.
import { DataTable } from '@/components/ui/data-table';
import { Card } from '@/components/ui/card';
import Link from 'next/link';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { type InsightFilters, filtersToQuery, PRESET_LABEL, VIOLENCE_TYPES } from '@/lib/analytics/filters';
import { HOTSPOT_RULES } from '@/lib/analytics/hotspots';
import { incidentTrend } from '@/lib/analytics/incident-trend';
import { insightKpis } from '@/lib/analytics/kpis';
import { lossTrend } from '@/lib/analytics/loss-trend';
import { nextWeekRisk } from '@/lib/analytics/next-week-risk';
import { peakTimes, WEEKDAYS } from '@/lib/analytics/peak-times';
import { reportOutcomes } from '@/lib/analytics/report-outcomes';
import { responseTimes } from '@/lib/analytics/response-times';
import { storeFigures } from '@/lib/analytics/store-figures';
import { violenceTrend } from '@/lib/analytics/violence-trend';
import { vulnerableCategories } from '@/lib/analytics/vulnerable-categories';
import { zoneFigures } from '@/lib/analytics/zone-figures';
import { canManageContext } from '@/lib/context/access';
import { type LocalShoplifting, localShoplifting } from '@/lib/context/local-shoplifting';
import { formatDuration } from '@/lib/domain/duration';
import { formatPence, humanise } from '@/lib/domain/format';
import { CategoryChart, LossChart, OutcomeChart, ResponseChart, TypeStackChart } from './charts';
import { Change, ChartCard } from './chart-card';
import {
  bucketLabel,
  formatCount,
  formatDayYear,
  formatMonth,
  formatMonths,
  formatMonthSpan,
  hourLabel,
  monthCount,
} from './format';
import { KpiCards } from './kpi-cards';
import { MapLegend } from './map-legend';
import { MapPanel, type MapPanelPolice } from './map-panel';
import { PeakHeatmap } from './peak-heatmap';
import { RiskTable } from './risk-table';
import { StoreTable } from './store-table';
import { ZoneTable } from './zone-table';

const th = (label: string, right = false) => ({ label, className: right ? 'text-right' : undefined });
const td = 'py-1.5 pr-3';
const num = 'py-1.5 pr-3 text-right tabular-nums';

export async function InsightDashboard({
  db,
  actor,
  filters,
  mapboxToken,
  drillDown,
}: {
  db: Db;
  actor: Actor;
  filters: InsightFilters;
  mapboxToken?: string;
  drillDown?: boolean;
}) {
  const [kpis, trend, peaks, categories, outcomes, response, loss, violence, storesFig, risk, zones, context] =
    await Promise.all([
      insightKpis(db, actor, filters),
      incidentTrend(db, actor, filters),
      peakTimes(db, actor, filters),
      vulnerableCategories(db, actor, filters),
      reportOutcomes(db, actor, filters),
      responseTimes(db, actor, filters),
      lossTrend(db, actor, filters),
      violenceTrend(db, actor, filters),
      storeFigures(db, actor, filters),
      nextWeekRisk(db, actor, filters),
      drillDown ? zoneFigures(db, actor, filters) : Promise.resolve(null),
      drillDown ? Promise.resolve(null) : localShoplifting(db, actor, filters),
    ]);
  const period = kpis.period;
  const b = period.bucket;
  const csv = (chart: string) => `/insights/export${filtersToQuery(filters, { chart })}`;
  const periodWords = filters.from
    ? `${formatDayYear(period.from)} to ${formatDayYear(period.to)}`
    : `the last ${PRESET_LABEL[filters.period]}`;
  const nothing =
    kpis.current.incidents === 0
      ? `No incidents were recorded in ${periodWords} for this selection. Try a longer period or more incident types.`
      : null;
  const bucketWord = b === 'day' ? 'Day' : b === 'week' ? 'Week' : 'Month';
  const prevRange = `${formatDayYear(period.previous.from)} to ${formatDayYear(period.previous.to)}`;

  const trendRows = trend.buckets.map((x) => ({
    label: bucketLabel(x.bucket, b),
    ...x.byType,
    previousTotal: x.previousTotal,
  }));
  const hotspots = storesFig.stores.filter((s) => s.hotspot);
  const emerging = storesFig.stores.filter((s) => s.emerging);
  const topCategory = categories.categories[0];
  const busiest = peaks.busiest;
  // The context layer appears only when imported police data covers some month of the period.
  const covered = context && context.monthsCovered.length > 0 ? context : null;
  const policeMonths = covered ? formatMonths(covered.monthsCovered) : '';
  const radius = context ? `${context.radiusMetres / 1000} km` : '';
  const mapPolice: MapPanelPolice | undefined = covered
    ? {
        points: covered.points.map((p) => [p.lng, p.lat] as [number, number]),
        total: covered.pointsTotal,
        months: policeMonths,
        radius,
      }
    : undefined;

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        Showing {periodWords}
        {filters.from ? '' : ` (${formatDayYear(period.from)} to ${formatDayYear(period.to)})`}, compared with the{' '}
        {period.days} days before ({prevRange}). Times are store-local (Europe/London). Figures are counts and sums
        only: no names or personal details.
      </p>
      <KpiCards current={kpis.current} previous={kpis.previous} />

      {!drillDown && (
        <Card className="break-inside-avoid print:shadow-none" role="region" aria-labelledby="map-title">
          <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
            <h2 id="map-title" className="text-base font-semibold">
              Where are the hotspots?
            </h2>
            <a href={csv('stores')} className="text-sm font-medium text-brand-700 underline print:hidden" download>
              CSV<span className="sr-only"> of the store figures</span>
            </a>
          </div>
          <p className="mb-3 text-sm text-slate-700">
            {hotspots.length
              ? `${hotspots.length} hotspot${hotspots.length === 1 ? '' : 's'}: ${hotspots.map((s) => s.name).join(', ')}.`
              : 'No store stands out as a hotspot in this period.'}{' '}
            {emerging.length
              ? `Emerging (sharp rise in the last 7 days): ${emerging.map((s) => s.name).join(', ')}.`
              : ''}{' '}
            Circles are sized and coloured by incidents a day (light = fewer, dark = more); a thick dark ring marks a
            flagged store. Click a store to open it.
          </p>
          <div className="grid gap-4 lg:grid-cols-[2fr_3fr]">
            <div>
              <MapPanel
                mapboxToken={mapboxToken}
                police={mapPolice}
                stores={storesFig.stores.map((s) => ({
                  code: s.code,
                  name: s.name,
                  lat: s.lat,
                  lng: s.lng,
                  incidents: s.incidents,
                  ratePerDay: s.ratePerDay,
                  hotspot: s.hotspot,
                  emerging: s.emerging,
                  reasons: s.reasons,
                }))}
              />
              <MapLegend maxRate={Math.max(0, ...storesFig.stores.map((s) => s.ratePerDay))} />
            </div>
            <div className="max-h-[34rem] overflow-y-auto print:max-h-none">
              <StoreTable
                stores={storesFig.stores}
                caption={`Incidents per store, ${periodWords}, with hotspot flags${covered ? ` and police-recorded shoplifting within ${radius} (${policeMonths})` : ''}`}
                police={
                  covered
                    ? {
                        byCode: Object.fromEntries(covered.stores.map((s) => [s.code, s.shoplifting])),
                        months: policeMonths,
                        radius,
                      }
                    : undefined
                }
              />
            </div>
          </div>
          {context && <PoliceNote context={context} months={policeMonths} admin={canManageContext(actor)} />}
          <details className="mt-3 text-sm text-slate-700">
            <summary className="cursor-pointer font-medium text-brand-700 print:hidden">How hotspots are found</summary>
            <p className="mt-2">
              A store is a <strong>hotspot</strong> when it has at least {HOTSPOT_RULES.minCount} incidents and either
              its incidents a day are far above the other stores in view (robust z-score on the median and median
              absolute deviation, z ≥ {HOTSPOT_RULES.peerZ}), or far above what its own history predicts: the{' '}
              {storesFig.historyDays} days before the period scaled to its length, with a Poisson probability of p ≤{' '}
              {HOTSPOT_RULES.historyP} and at least {HOTSPOT_RULES.historyRatio}× the expected count. It is{' '}
              <strong>emerging</strong> when its last 7 days are at least {HOTSPOT_RULES.emergingRatio}× what the 28
              days before them predict (Poisson p ≤ {HOTSPOT_RULES.emergingP}, at least {HOTSPOT_RULES.minCount}{' '}
              incidents).
            </p>
          </details>
        </Card>
      )}

      {drillDown && zones && (
        <ChartCard
          id="zones"
          title="Which parts of the store are hit?"
          summary={
            zones.zones[0]
              ? `${zones.zones[0].zone} had the most incidents (${formatCount(zones.zones[0].incidents)}).`
              : undefined
          }
          csvHref={csv('zones')}
          empty={zones.zones.length === 0 ? `No incidents in any zone in ${periodWords}.` : null}
          chart={
            <>
              <ZoneTable zones={zones.zones} caption={`Incidents per zone at ${zones.store.name}, ${periodWords}`} />
              <p className="mt-2 text-xs text-slate-600">
                A zone is flagged when it is far above its own last {storesFig.historyDays} days (Poisson p ≤{' '}
                {HOTSPOT_RULES.historyP}, at least {HOTSPOT_RULES.minCount} incidents).
              </p>
            </>
          }
        />
      )}

      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
        <ChartCard
          id="trend"
          title="How many incidents, and of which kinds?"
          summary={
            <>
              {formatCount(trend.total)} incidents in {periodWords}:{' '}
              <Change current={trend.total} previous={trend.previousTotal} /> ({formatCount(trend.previousTotal)}).
            </>
          }
          csvHref={csv('trend')}
          empty={nothing}
          chart={<TypeStackChart data={trendRows} types={trend.types} />}
          table={
            <DataTable
              caption={`Incidents per ${bucketWord.toLowerCase()} by type`}
              columns={[
                th(bucketWord),
                ...trend.types.map((t) => th(humanise(t), true)),
                th('Total', true),
                th('Previous period', true),
              ]}
            >
              {trend.buckets.map((x) => (
                <tr key={x.bucket}>
                  <td className={td}>{bucketLabel(x.bucket, b)}</td>
                  {trend.types.map((t) => (
                    <td key={t} className={num}>
                      {formatCount(x.byType[t])}
                    </td>
                  ))}
                  <td className={num}>{formatCount(x.total)}</td>
                  <td className={num}>{x.previousTotal === null ? '—' : formatCount(x.previousTotal)}</td>
                </tr>
              ))}
            </DataTable>
          }
        />

        <ChartCard
          id="peaks"
          title="When do incidents happen?"
          summary={
            peaks.total > 0 ? (
              <>
                Busiest: {WEEKDAYS[busiest.dow]}s {hourLabel(busiest.hour)}–{hourLabel((busiest.hour + 1) % 24)} (
                {formatCount(busiest.n)}; {formatCount(peaks.previousBusiest)} in the previous period).
              </>
            ) : undefined
          }
          csvHref={csv('peaks')}
          empty={nothing}
          chart={<PeakHeatmap cells={peaks.cells} caption={`Incidents by weekday and hour, ${periodWords}`} />}
        />

        <ChartCard
          id="categories"
          title="Which goods are most at risk?"
          summary={
            topCategory
              ? `${humanise(topCategory.category)} cost the most: ${formatPence(topCategory.lossPence)} over ${formatCount(topCategory.incidents)} incidents.`
              : undefined
          }
          csvHref={csv('categories')}
          empty={
            categories.categories.length === 0
              ? `No goods were reported taken in ${periodWords} for this selection.`
              : null
          }
          chart={
            <div className="grid gap-2 sm:grid-cols-2">
              <div>
                <h3 className="text-sm font-medium text-slate-700">By £ loss</h3>
                <CategoryChart
                  measure="lossPence"
                  data={categories.categories.map((c) => ({ label: humanise(c.category), lossPence: c.lossPence }))}
                />
              </div>
              <div>
                <h3 className="text-sm font-medium text-slate-700">By number of incidents</h3>
                <CategoryChart
                  measure="incidents"
                  data={[...categories.categories]
                    .sort((x, y) => y.incidents - x.incidents)
                    .map((c) => ({ label: humanise(c.category), incidents: c.incidents }))}
                />
              </div>
            </div>
          }
          table={
            <DataTable
              caption="Goods categories by loss and incidents"
              columns={[
                th('Category'),
                th('Incidents', true),
                th('Loss', true),
                th('Previous incidents', true),
                th('Previous loss', true),
              ]}
            >
              {categories.categories.map((c) => (
                <tr key={c.category}>
                  <td className={td}>{humanise(c.category)}</td>
                  <td className={num}>{formatCount(c.incidents)}</td>
                  <td className={num}>{formatPence(c.lossPence)}</td>
                  <td className={num}>{formatCount(c.previousIncidents)}</td>
                  <td className={num}>{formatPence(c.previousLossPence)}</td>
                </tr>
              ))}
            </DataTable>
          }
        />

        <ChartCard
          id="outcomes"
          title="What happened to what was reported?"
          summary={
            <>
              {formatCount(outcomes.current.confirmed)} confirmed, {formatCount(outcomes.current.unfounded)} unfounded,{' '}
              {formatCount(outcomes.current.referred)} referred to police and {formatCount(outcomes.current.open)} still
              open, of {formatCount(outcomes.current.reported)} reported. Referred to police:{' '}
              <Change current={outcomes.current.referred} previous={outcomes.previous.referred} better="neither" />.
            </>
          }
          csvHref={csv('outcomes')}
          empty={nothing}
          chart={<OutcomeChart data={outcomes.buckets.map((x) => ({ ...x, label: bucketLabel(x.bucket, b) }))} />}
          table={
            <DataTable
              caption="Outcome of reports per period"
              columns={[
                th(bucketWord),
                th('Reported', true),
                th('Confirmed', true),
                th('Unfounded', true),
                th('Referred to police', true),
                th('Closed', true),
                th('Open', true),
              ]}
            >
              {outcomes.buckets.map((x) => (
                <tr key={x.bucket}>
                  <td className={td}>{bucketLabel(x.bucket, b)}</td>
                  {[x.reported, x.confirmed, x.unfounded, x.referred, x.closed, x.open].map((v, i) => (
                    <td key={i} className={num}>
                      {formatCount(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </DataTable>
          }
        />

        <ChartCard
          id="response"
          title="How fast do we respond?"
          summary={
            <>
              Time to triage {formatDuration(response.current.triageSeconds)} (
              <Change current={response.current.triageSeconds} previous={response.previous.triageSeconds} />
              ).{' '}
              {response.current.alerts > 0
                ? `Alerts: ${formatCount(response.current.alerts)}, acknowledged in ${formatDuration(response.current.mttaSeconds)} and resolved in ${formatDuration(response.current.mttrSeconds)} on average.`
                : 'No alerts were raised in this period, so there is no MTTA or MTTR.'}
            </>
          }
          csvHref={csv('response')}
          empty={nothing}
          chart={<ResponseChart data={response.buckets.map((x) => ({ ...x, label: bucketLabel(x.bucket, b) }))} />}
          table={
            <DataTable
              caption="Mean response times per period"
              columns={[
                th(bucketWord),
                th('Time to triage', true),
                th('Alerts', true),
                th('MTTA', true),
                th('MTTR', true),
              ]}
            >
              {response.buckets.map((x) => (
                <tr key={x.bucket}>
                  <td className={td}>{bucketLabel(x.bucket, b)}</td>
                  <td className={num}>{formatDuration(x.triageSeconds)}</td>
                  <td className={num}>{formatCount(x.alerts)}</td>
                  <td className={num}>{formatDuration(x.mttaSeconds)}</td>
                  <td className={num}>{formatDuration(x.mttrSeconds)}</td>
                </tr>
              ))}
            </DataTable>
          }
        />

        <ChartCard
          id="loss"
          title="What did we lose, and get back?"
          summary={
            <>
              Lost {formatPence(loss.current.lossPence)}, recovered {formatPence(loss.current.recoveredPence)}.{' '}
              {loss.estimatedSavingPence >= 0
                ? `Estimated saving against the previous period: ${formatPence(loss.estimatedSavingPence)} less net loss.`
                : `Net loss is ${formatPence(-loss.estimatedSavingPence)} higher than in the previous period.`}
            </>
          }
          csvHref={csv('loss')}
          empty={nothing}
          chart={<LossChart data={loss.buckets.map((x) => ({ ...x, label: bucketLabel(x.bucket, b) }))} />}
          table={
            <DataTable
              caption="Loss and recovery per period"
              columns={[th(bucketWord), th('Lost', true), th('Recovered', true), th('Net loss', true)]}
            >
              {loss.buckets.map((x) => (
                <tr key={x.bucket}>
                  <td className={td}>{bucketLabel(x.bucket, b)}</td>
                  <td className={num}>{formatPence(x.lossPence)}</td>
                  <td className={num}>{formatPence(x.recoveredPence)}</td>
                  <td className={num}>{formatPence(x.netLossPence)}</td>
                </tr>
              ))}
            </DataTable>
          }
        />

        <ChartCard
          id="violence"
          title="Is violence and abuse against staff rising?"
          summary={
            <>
              {formatCount(violence.total)} incidents of{' '}
              {VIOLENCE_TYPES.map((t) => humanise(t).toLowerCase()).join(', ')}:{' '}
              <Change current={violence.total} previous={violence.previousTotal} /> (
              {formatCount(violence.previousTotal)}).
            </>
          }
          csvHref={csv('violence')}
          empty={violence.types.length === 0 ? 'The chosen incident types include no violence or abuse.' : nothing}
          chart={
            <TypeStackChart
              data={violence.buckets.map((x) => ({
                label: bucketLabel(x.bucket, b),
                ...x.byType,
                previousTotal: x.previousTotal,
              }))}
              types={violence.types}
            />
          }
          table={
            <DataTable
              caption="Violence and abuse against staff per period"
              columns={[
                th(bucketWord),
                ...violence.types.map((t) => th(humanise(t), true)),
                th('Total', true),
                th('Previous period', true),
              ]}
            >
              {violence.buckets.map((x) => (
                <tr key={x.bucket}>
                  <td className={td}>{bucketLabel(x.bucket, b)}</td>
                  {violence.types.map((t) => (
                    <td key={t} className={num}>
                      {formatCount(x.byType[t] ?? 0)}
                    </td>
                  ))}
                  <td className={num}>{formatCount(x.total)}</td>
                  <td className={num}>{x.previousTotal === null ? '—' : formatCount(x.previousTotal)}</td>
                </tr>
              ))}
            </DataTable>
          }
        />
      </div>

      <ChartCard
        id="risk"
        title="Where and when should we put a guard next week?"
        summary={`Expected incidents for ${formatDayYear(risk.dates[0]!)} to ${formatDayYear(risk.dates[6]!)}, from each store's weekday × hour pattern over the last ${risk.basedOn.weeks} weeks (${formatDayYear(risk.basedOn.from)} to ${formatDayYear(risk.basedOn.to)}), smoothed towards its weekday and hour profiles. It ignores the period filter and uses the chosen incident types.`}
        csvHref={csv('risk')}
        empty={risk.slots.length === 0 ? 'Not enough history in the last 8 weeks to forecast next week.' : null}
        chart={<RiskTable slots={risk.slots} stores={risk.stores} showStore={!drillDown} />}
        table={
          <DataTable
            caption="Expected incidents per store and day next week"
            columns={[th('Store'), ...risk.dates.map((d) => th(bucketLabel(d, 'day'), true))]}
          >
            {risk.stores.map((s) => (
              <tr key={s.code}>
                <td className={td}>{s.code}</td>
                {s.days.map((d) => (
                  <td key={d.date} className={num}>
                    {d.expected.toFixed(1)}
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        }
      />
    </div>
  );
}

/**
 * What the police figures cover, or why there are none: police.uk publishes whole months about two
 * months late, so the months counted rarely match the period's days. Nothing at all when no file was
 * ever imported, except a pointer for the administrators who can import one.
 */
function PoliceNote({
  context,
  months,
  admin,
}: {
  context: LocalShoplifting;
  months: string;
  admin: boolean;
}) {
  const wanted = formatMonthSpan(context.months.from, context.months.to);
  if (!context.anyImported) {
    return admin ? (
      <p className="mt-3 text-sm text-slate-700 print:hidden">
        Tip: compare with police-recorded shoplifting around your stores by importing data.police.uk files in{' '}
        <Link href="/admin/context" className="font-medium text-brand-700 underline">
          Admin → Context data
        </Link>
        .
      </p>
    ) : null;
  }
  if (context.monthsCovered.length === 0) {
    return (
      <p className="mt-3 text-sm text-slate-700">
        No imported police.uk data covers {wanted}
        {context.latestImportedMonth
          ? ` (the latest imported month is ${formatMonth(context.latestImportedMonth)})`
          : ''}
        . police.uk publishes each month about two months later, so choose an earlier period to compare with
        police-recorded shoplifting.
      </p>
    );
  }
  const missing = context.monthsCovered.length < monthCount(context.months.from, context.months.to);
  return (
    <p className="mt-3 text-sm text-slate-700">
      <strong>Police shoplifting within {context.radiusMetres / 1000} km</strong> counts crimes the police recorded as
      shoplifting within {context.radiusMetres / 1000} km of each store in {months}
      {missing ? `, the months of ${wanted} that imported police.uk data covers` : ''}. police.uk publishes whole months
      about two months late, at anonymised map points; “—” means no imported file covers that store&apos;s area. It is
      context for your own figures, not a count of your incidents.
    </p>
  );
}
