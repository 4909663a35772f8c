// Insight dashboard queries at scale: 1,000,000 incidents over two years, 10,000,000 security
// events and 2,000,000 police.uk crimes across 500 stores in 10 regions, generated with
// generate_series into a scratch database of its own. Times every lib/analytics verb (p95 of 20 runs after 2 warm-ups) for a regional
// manager (one region, 50 stores), an administrator (all 500 stores) and a store manager's
// drill-down, plus the rollup rebuild and the trigger cost of incremental maintenance.
import { eq } from 'drizzle-orm';
import type postgres from 'postgres';
import { createDb, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { incidentTrend } from '@/lib/analytics/incident-trend';
import { insightKpis } from '@/lib/analytics/kpis';
import { lossTrend } from '@/lib/analytics/loss-trend';
import { nextWeekRisk } from '@/lib/analytics/next-week-risk';
import { peakTimes } from '@/lib/analytics/peak-times';
import { reportOutcomes } from '@/lib/analytics/report-outcomes';
import { responseTimes } from '@/lib/analytics/response-times';
import { storeFigures } from '@/lib/analytics/store-figures';
import { violenceTrend } from '@/lib/analytics/violence-trend';
import { vulnerableCategories } from '@/lib/analytics/vulnerable-categories';
import { zoneFigures } from '@/lib/analytics/zone-figures';
import { localShoplifting } from '@/lib/context/local-shoplifting';
import { createTestDatabase } from '../tests/support/test-database';
import { type BenchApp, type Figure, percentile } from './harness';

const STORES = 500;
const REGIONS = 10;
const INCIDENTS = 1_000_000;
const EVENTS = 10_000_000;
const ALERTS = 200_000;
/** About a year of England and Wales' street-level crime is 6 M rows; these are spread over the stores' area. */
const POLICE_CRIMES = 2_000_000;
const RUNS = 20;
const TARGET_MS = 150;

const VERBS = {
  insightKpis,
  incidentTrend,
  peakTimes,
  vulnerableCategories,
  reportOutcomes,
  responseTimes,
  lossTrend,
  violenceTrend,
  storeFigures,
  nextWeekRisk,
  localShoplifting,
};

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function generate(sql: postgres.Sql, log: (s: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const step = async (name: string, query: string) => {
    const ms = await timed(() => sql.unsafe(query));
    log(`${name}: ${(ms / 1000).toFixed(1)} s`);
    return ms;
  };
  await step(
    'regions, stores, zones, devices, users',
    `
    insert into region (code, name) select 'R' || lpad(g::text, 2, '0'), 'Region ' || g from generate_series(1, ${REGIONS}) g;
    insert into store (code, name, format, region_id, address, postcode, lat, lng)
      select 'S' || lpad(g::text, 4, '0'), 'Store ' || g, 'supermarket', r.id, g || ' High Street', 'AB1 2CD',
        50.5 + random() * 4.5, -4.5 + random() * 5
      from generate_series(1, ${STORES}) g join region r on r.code = 'R' || lpad((1 + (g - 1) % ${REGIONS})::text, 2, '0');
    insert into zone (store_id, kind, name)
      select s.id, k::zone_kind, initcap(replace(k, '_', ' '))
      from store s, unnest(array['entrance','self_checkout','tills','alcohol','health_beauty','meat_dairy','electricals','car_park']) k;
    insert into device (store_id, kind, vendor, name) select id, 'camera', 'bench', 'Camera' from store;
    insert into app_user (email, name) values ('regional@bench', 'Regional'), ('admin@bench', 'Admin'), ('manager@bench', 'Manager');
    insert into membership (user_id, role, scope_type, region_id)
      select u.id, 'regional_manager', 'region', (select id from region where code = 'R01') from app_user u where u.email = 'regional@bench';
    insert into membership (user_id, role, scope_type) select u.id, 'admin', 'all' from app_user u where u.email = 'admin@bench';
    insert into membership (user_id, role, scope_type, store_id)
      select u.id, 'store_manager', 'store', (select id from store where code = 'S0001') from app_user u where u.email = 'manager@bench';
  `,
  );
  // Security events load on another connection meanwhile: dashboards never read them, they make the database realistic.
  const events = step(
    `${EVENTS.toLocaleString('en-GB')} security events`,
    `
    insert into security_event (occurred_at, store_id, device_id, source_kind, type, confidence, vendor_event_id)
    select now() - (g % (90 * 86400)) * interval '1 second', d.ids[(1 + (g % ${STORES}))::int], d.devs[(1 + (g % ${STORES}))::int], 'camera',
      (array['person_detected','motion','loitering','shelf_sweep','eas_alarm'])[(1 + g % 5)::int], 0.8, 'e' || g
    from generate_series(1::bigint, ${EVENTS}) g
    cross join lateral (select (select array_agg(store_id order by store_id) from device) as ids, (select array_agg(id order by store_id) from device) as devs) d;
  `,
  ).then((ms) =>
    figures.push({
      name: `generate ${EVENTS.toLocaleString('en-GB')} security events (alongside the rest)`,
      value: ms / 1000,
      unit: 's',
    }),
  );
  // Triggers off for the bulk load (one rebuild afterwards is the honest cost of catching up).
  const incidentsMs = await step(
    `${INCIDENTS.toLocaleString('en-GB')} incidents`,
    `
    alter table incident disable trigger user;
    insert into incident (ref, store_id, zone_id, type, occurred_at, reported_at, source, severity, status, goods_categories,
      loss_pence, recovered_pence, triaged_at)
    select 'B-' || g, st.id, null, t.type, x.at, x.at + interval '15 minutes', 'pwa', 'medium',
      (array['reported','triaged','confirmed','confirmed','confirmed','unfounded','referred_to_police','closed'])[(1 + (g * 7) % 8)::int]::incident_status,
      case when t.type in ('theft','robbery','burglary') then array[(array['alcohol','meat','cheese_dairy','health_beauty','baby_formula','confectionery','electricals','household'])[(1 + (g * 13) % 8)::int]] else '{}' end,
      case when t.type in ('theft','robbery','burglary') then 500 + (g * 7919) % 12000 else 0 end,
      case when g % 4 = 0 then (g * 31) % 1500 else 0 end,
      case when g % 8 <> 0 then x.at + interval '15 minutes' + ((g % 600) || ' minutes')::interval end
    from generate_series(1::bigint, ${INCIDENTS}) g
    cross join lateral (select (select array_agg(id order by code) from store) as ids) s
    cross join lateral (select s.ids[(1 + (g * 2654435761 % ${STORES})::int)::int] as id) st
    cross join lateral (select (enum_range(null::incident_type))[(array[1,1,1,1,1,1,6,6,9,8,5,7,4,2,10,1])[(1 + (g % 16))::int]] as type) t
    cross join lateral (select date_trunc('day', now()) - ((g * 7907) % 730) * interval '1 day'
      + ((array[8,9,10,11,12,12,13,14,15,16,16,17,17,17,18,18,19,20,21,22])[(1 + (g * 17) % 20)::int]) * interval '1 hour'
      + ((g * 37) % 60) * interval '1 minute' as at) x;
    alter table incident enable trigger user;
  `,
  );
  figures.push({
    name: `generate ${INCIDENTS.toLocaleString('en-GB')} incidents (generate_series)`,
    value: incidentsMs / 1000,
    unit: 's',
  });
  const alertsMs = await step(
    `${ALERTS.toLocaleString('en-GB')} alerts`,
    `
    alter table alert disable trigger user;
    insert into alert (store_id, title, severity, status, source, created_at, acknowledged_at, resolved_at)
    select s.ids[(1 + (g % ${STORES}))::int], 'Bench alert', 'medium', 'resolved', 'camera', at, at + ((30 + g % 300) || ' seconds')::interval,
      at + ((600 + g % 3000) || ' seconds')::interval
    from generate_series(1::bigint, ${ALERTS}) g
    cross join lateral (select (select array_agg(id order by code) from store) as ids) s
    cross join lateral (select now() - ((g * 7907) % (730 * 24 * 60)) * interval '1 minute' as at) x;
    alter table alert enable trigger user;
  `,
  );
  figures.push({ name: `generate ${ALERTS.toLocaleString('en-GB')} alerts`, value: alertsMs / 1000, unit: 's' });
  const policeMs = await step(
    `${POLICE_CRIMES.toLocaleString('en-GB')} police.uk crimes`,
    `
    insert into police_crime_import (id, file_name, rows_read, rows_added, rows_duplicate, rows_without_location, month_from, month_to)
      values ('00000000-0000-0000-0000-000000000001', 'bench.csv', ${POLICE_CRIMES}, ${POLICE_CRIMES}, 0, 0,
        date_trunc('month', now() - interval '13 months'), date_trunc('month', now() - interval '2 months'));
    insert into police_crime (import_id, month, crime_type, lat, lng, location, falls_within, fingerprint)
    select '00000000-0000-0000-0000-000000000001', (date_trunc('month', now() - interval '2 months') - ((g % 12) || ' months')::interval)::date,
      (array['Shoplifting','Anti-social behaviour','Violence and sexual offences','Other theft','Criminal damage and arson','Vehicle crime'])[(1 + g % 6)::int],
      50.5 + random() * 4.5, -4.5 + random() * 5, 'On or near a street', 'Bench Police', 'b' || g
    from generate_series(1::bigint, ${POLICE_CRIMES}) g;
  `,
  );
  figures.push({
    name: `generate ${POLICE_CRIMES.toLocaleString('en-GB')} police.uk street-level crimes`,
    value: policeMs / 1000,
    unit: 's',
  });
  const rebuildMs = await step('rollup rebuild', `set work_mem = '256MB'; select insight_rebuild(); reset work_mem;`);
  figures.push({ name: 'rebuild every insight rollup from 1,000,000 incidents', value: rebuildMs / 1000, unit: 's' });
  await events;
  await step('vacuum analyze', 'vacuum analyze'); // VACUUM must be a statement of its own
  return figures;
}

async function triggerCost(sql: postgres.Sql): Promise<Figure[]> {
  const [store] = await sql.unsafe<{ id: string }[]>(`select id from store where code = 'S0002'`);
  const single: number[] = [];
  for (let i = 0; i < 50; i++) {
    single.push(
      await timed(() =>
        sql.unsafe(
          `insert into incident (ref, store_id, type, occurred_at, source, goods_categories, loss_pence) values ($1, $2, 'theft', now() - interval '1 hour', 'pwa', '{alcohol}', 1500)`,
          [`T-${i}`, store!.id],
        ),
      ),
    );
  }
  const updates: number[] = [];
  for (let i = 0; i < 50; i++) {
    updates.push(
      await timed(() =>
        sql.unsafe(`update incident set status = 'confirmed', loss_pence = loss_pence + 1 where ref = $1`, [`T-${i}`]),
      ),
    );
  }
  return [
    { name: 'insert one incident (with rollup triggers), p95', value: percentile(single, 95), unit: 'ms' },
    { name: 'update one incident status/loss (with rollup triggers), p95', value: percentile(updates, 95), unit: 'ms' },
  ];
}

async function actor(db: Db, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(db, u!.id))!;
}

export async function benchInsights(
  _app?: BenchApp,
  log: (s: string) => void = (s) => console.log(`[bench:insights] ${s}`),
): Promise<Figure[]> {
  const database = await createTestDatabase('vigil_bench_insights');
  const { db, sql } = createDb(database.url, 4);
  try {
    await migrateDatabase(database.url);
    const figures = await generate(sql, log);
    const scenarios: { label: string; actor: Actor; filters: Record<string, unknown>; zones?: boolean }[] = [
      { label: 'regional, 50 stores, 30 d', actor: await actor(db, 'regional@bench'), filters: { period: '30d' } },
      { label: 'regional, 50 stores, 12 m', actor: await actor(db, 'regional@bench'), filters: { period: '12m' } },
      { label: 'admin, 500 stores, 30 d', actor: await actor(db, 'admin@bench'), filters: { period: '30d' } },
      { label: 'admin, 500 stores, 12 m', actor: await actor(db, 'admin@bench'), filters: { period: '12m' } },
      {
        label: 'store drill-down, 90 d',
        actor: await actor(db, 'manager@bench'),
        filters: { period: '90d', store: 'S0001' },
        zones: true,
      },
    ];
    for (const s of scenarios) {
      const verbs: [string, (db: Db, a: Actor, f: unknown) => Promise<unknown>][] = Object.entries(VERBS);
      if (s.zones) verbs.push(['zoneFigures', zoneFigures]);
      for (const [name, verb] of verbs) {
        for (let i = 0; i < 2; i++) await verb(db, s.actor, s.filters);
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) times.push(await timed(() => verb(db, s.actor, s.filters)));
        figures.push({
          name: `${name} · ${s.label} · p95`,
          value: percentile(times, 95),
          unit: 'ms',
          target: { op: '<=', value: TARGET_MS },
        });
      }
      log(`timed ${s.label}`);
    }
    figures.push(...(await triggerCost(sql)));
    return figures;
  } finally {
    await sql.end();
    await database.drop();
  }
}
