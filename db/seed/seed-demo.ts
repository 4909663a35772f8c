// Demo data: a UK chain with six months of incidents shaped like real retail crime
// (weekday/hour seasonality, theft concentrated at self-checkout, alcohol and
// health & beauty; some violence and abuse; confirmed/unfounded/police outcomes).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { encryptSecret, sha256Hex } from '@/lib/auth/crypto';
import { hashSecret } from '@/lib/auth/password';
import type { ALERT_SOURCES, IncidentStatus, IncidentType, Severity, ZoneKind } from '@/lib/domain/enums';
import { MFA_ROLES } from '@/lib/domain/enums';
import { localToUtc } from '@/lib/domain/time';
import { DEMO_ACCOUNTS, DEMO_REGIONS, DEMO_STORES, HOME_STORE, STANDARD_ZONES } from './demo-data';
import { createRandom } from './random';

export type SeedOptions = { password: string; totpSecret: string; pin?: string; days?: number; seed?: number };

/** The kiosk PIN of every demo colleague with a staff number (README: demo accounts). */
export const DEMO_PIN = '2468';

const TYPE_WEIGHTS: [IncidentType, number][] = [
  ['theft', 62],
  ['threats_abuse', 9],
  ['suspicious_activity', 8],
  ['antisocial_behaviour', 7],
  ['violence_against_staff', 4],
  ['fraud', 4],
  ['criminal_damage', 3],
  ['robbery', 1],
  ['burglary', 0.5],
  ['other', 1.5],
];

const THEFT_ZONES: [ZoneKind, number][] = [
  ['self_checkout', 30],
  ['alcohol', 20],
  ['health_beauty', 20],
  ['meat_dairy', 12],
  ['entrance', 10],
  ['electricals', 8],
];

const GOODS_BY_ZONE: Partial<Record<ZoneKind, string[]>> = {
  self_checkout: ['meat', 'cheese_dairy', 'confectionery', 'household'],
  alcohol: ['alcohol'],
  health_beauty: ['health_beauty', 'baby_formula'],
  meat_dairy: ['meat', 'cheese_dairy'],
  entrance: ['alcohol', 'clothing', 'household'],
  electricals: ['electricals'],
  tills: ['tobacco_vapes', 'cash'],
  cash_office: ['cash'],
};

// Hour-of-day shape (local time): lunchtime and after-school/evening peaks.
const HOUR_WEIGHTS: [number, number][] = [
  [7, 2],
  [8, 3],
  [9, 4],
  [10, 5],
  [11, 7],
  [12, 8],
  [13, 7],
  [14, 6],
  [15, 7],
  [16, 9],
  [17, 10],
  [18, 9],
  [19, 7],
  [20, 5],
  [21, 3],
  [22, 1],
];
// Sunday..Saturday: Fridays and Saturdays are busiest.
const WEEKDAY_FACTOR = [0.8, 0.9, 0.95, 1.0, 1.05, 1.25, 1.3];

function severityFor(type: IncidentType, weapon: boolean, injury: boolean): Severity {
  if (weapon || injury || type === 'robbery') return 'critical';
  if (type === 'violence_against_staff' || type === 'burglary') return 'high';
  if (type === 'theft' || type === 'threats_abuse' || type === 'fraud' || type === 'criminal_damage') return 'medium';
  return 'low';
}

/** Older incidents have been worked through; recent ones are still open. */
function statusFor(ageDays: number, r: ReturnType<typeof createRandom>, policeCalled: boolean): IncidentStatus {
  if (ageDays < 2)
    return r.pick([
      ['reported', 7],
      ['triaged', 3],
    ] as const);
  if (ageDays < 7)
    return r.pick([
      ['reported', 1],
      ['triaged', 4],
      ['confirmed', 4],
      ['unfounded', 1],
    ] as const);
  if (policeCalled && r.next() < 0.6) return 'referred_to_police';
  return r.pick([
    ['confirmed', 50],
    ['closed', 25],
    ['unfounded', 12],
    ['triaged', 3],
    ['referred_to_police', 10],
  ] as const);
}

// Which rules fire how often in the demo history, and what they came from.
const RULE_MIX: [string, number][] = [
  ['Repeated EAS gate alarms', 5],
  ['Gate alarm with person at exit', 4],
  ['Refund without receipt over £50', 2],
  ['Cameras tampered with more than usual', 1],
  ['Panic button', 1],
];
const RECENT_ALERT_GAP_MS = 24 * 3600_000;
const RULE_SOURCE: Record<string, (typeof ALERT_SOURCES)[number]> = {
  'Repeated EAS gate alarms': 'sensor',
  'Gate alarm with person at exit': 'camera',
  'Refund without receipt over £50': 'pos',
  'Cameras tampered with more than usual': 'camera',
  'Panic button': 'panic',
};

/**
 * Resolved alerts for every day before today, so response times (MTTA, MTTR) have a history on
 * /insights and the store consoles from the first start. Nothing is left open: live alerts come
 * from real traffic (or `npm run simulate`), and old open ones would only set off escalations.
 */
async function seedAlertHistory(
  db: Db,
  r: ReturnType<typeof createRandom>,
  ctx: {
    days: number;
    now: Date;
    rules: { id: string; name: string; severity: Severity }[];
    storeRows: { id: string; code: string; timezone: string }[];
    securityId: string;
  },
): Promise<void> {
  const ruleByName = new Map(ctx.rules.map((x) => [x.name, x]));
  const values: (typeof s.alerts.$inferInsert)[] = [];
  for (const st of ctx.storeRows) {
    const risk = DEMO_STORES.find((d) => d.code === st.code)!.risk;
    const actor = st.code === HOME_STORE ? ctx.securityId : null;
    for (let ago = ctx.days; ago >= 1; ago--) {
      const day = new Date(ctx.now.getTime() - ago * 86_400_000);
      for (let i = r.poisson(0.5 * risk); i > 0; i--) {
        const rule = ruleByName.get(r.pick(RULE_MIX))!;
        const localTime = localToUtc(
          day.getUTCFullYear(),
          day.getUTCMonth() + 1,
          day.getUTCDate(),
          r.pick(HOUR_WEIGHTS),
          r.int(0, 59),
          st.timezone,
        );
        const createdAt = new Date(localTime.getTime() + r.int(0, 59) * 1000);
        // Panics are answered fastest; a quiet till exception can wait for the manager.
        const ackSeconds = Math.round(
          Math.min(1800, Math.max(5, r.logNormal(rule.severity === 'critical' ? 25 : 75, 0.8))),
        );
        const workSeconds = Math.round(Math.min(4 * 3600, Math.max(60, r.logNormal(14 * 60, 0.7))));
        const acknowledgedAt = new Date(createdAt.getTime() + ackSeconds * 1000);
        const resolvedAt = new Date(acknowledgedAt.getTime() + workSeconds * 1000);
        // A console's "Recently resolved" (the last 12 h) starts empty, whatever the time of day.
        if (resolvedAt.getTime() > ctx.now.getTime() - RECENT_ALERT_GAP_MS) continue;
        values.push({
          storeId: st.id,
          ruleId: rule.id,
          title: rule.name,
          severity: rule.severity,
          status: 'resolved',
          source: RULE_SOURCE[rule.name]!,
          createdAt,
          acknowledgedAt,
          acknowledgedBy: actor,
          resolvedAt,
          resolvedBy: actor,
          outcome: r.pick([
            ['false_alarm', 4],
            ['deterred', 5],
            ['stopped', 2],
            ['apprehended', 1],
            ['police_called', 1],
          ] as const),
        });
      }
    }
  }
  for (let i = 0; i < values.length; i += 1000) {
    const inserted = await db
      .insert(s.alerts)
      .values(values.slice(i, i + 1000))
      .returning({
        id: s.alerts.id,
        by: s.alerts.acknowledgedBy,
        ackAt: s.alerts.acknowledgedAt,
        resolvedAt: s.alerts.resolvedAt,
        outcome: s.alerts.outcome,
      });
    await db.insert(s.alertActions).values(
      inserted.flatMap((a) => [
        { alertId: a.id, action: 'acknowledged' as const, actorId: a.by, at: a.ackAt! },
        {
          alertId: a.id,
          action: 'resolved' as const,
          actorId: a.by,
          at: a.resolvedAt!,
          detail: { outcome: a.outcome },
        },
      ]),
    );
  }
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: s.regions.id }).from(s.regions).limit(1);
  return rows.length === 0;
}

/**
 * Empties every domain table (not the migrations journal or pg-boss). The audit trail
 * refuses TRUNCATE (migration 0010), so this development reset switches its guard off for
 * its own transaction and starts a new chain (old anchors name the old chain id). That
 * needs the table owner: an app role without ownership can't do it, as intended.
 */
export async function clearDatabase(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await tx.execute(sql`alter table audit_chain_start disable trigger audit_chain_start_append_only`);
    await tx.execute(
      sql`truncate table audit_log, audit_chain_start, audit_checkpoint, rate_limit, revoked_session restart identity`,
    );
    await tx.execute(
      sql`insert into audit_chain_start (chain_id, after_seq, prev_hash, position) values (gen_random_uuid(), 0, repeat('0', 64), 0)`,
    );
    await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    await tx.execute(sql`alter table audit_chain_start enable trigger audit_chain_start_append_only`);
  });
  await db.execute(sql`
    truncate table alert_action, alert, alert_rule, kiosk_enrolment, wellbeing_check, support_option, subject_incident, subject, share_link, evidence_custody, evidence,
      incident_event, incident, security_event, security_event_key, pos_transaction, device, push_subscription, membership, app_user,
      zone, store, region, feature_flag, retention_policy, worker_heartbeat restart identity cascade`);
  await db.execute(sql`alter sequence incident_ref_seq restart with 1`);
}

export async function seedDemoData(db: Db, opts: SeedOptions): Promise<{ incidents: number; stores: number }> {
  const r = createRandom(opts.seed ?? 20261125);
  const days = opts.days ?? 182;

  const regionRows = await db
    .insert(s.regions)
    .values([...DEMO_REGIONS])
    .returning();
  const regionId = new Map(regionRows.map((x) => [x.code, x.id]));
  const storeRows = await db
    .insert(s.stores)
    .values(
      DEMO_STORES.map(({ region, risk: _risk, ...st }) => ({
        ...st,
        regionId: regionId.get(region)!,
        emergencyInstructions:
          'If anyone is in danger call 999. Do not put yourself at risk: let offenders go. Then tell the duty manager.',
      })),
    )
    .returning();
  const zoneRows = await db
    .insert(s.zones)
    .values(storeRows.flatMap((st) => STANDARD_ZONES.map((z) => ({ ...z, storeId: st.id }))))
    .returning();
  const zonesOf = new Map<string, Map<ZoneKind, string>>();
  for (const z of zoneRows) {
    const m = zonesOf.get(z.storeId) ?? new Map<ZoneKind, string>();
    m.set(z.kind, z.id);
    zonesOf.set(z.storeId, m);
  }
  const storeByCode = new Map(storeRows.map((x) => [x.code, x]));
  await db.insert(s.supportOptions).values([
    {
      position: 1,
      title: 'Employee assistance line',
      detail: 'Free, confidential support, 24 hours a day, for you and your family.',
      contact: 'tel:08000000000',
    },
    {
      position: 2,
      title: 'First aid',
      detail: 'Ask the duty manager for a trained first aider, even for a small injury.',
      contact: null,
    },
    {
      position: 3,
      title: 'Take time out',
      detail: 'You can step away from the shop floor. Tell the duty manager; you do not need to give a reason.',
      contact: null,
    },
  ]);

  // Users: one password hash serves every demo account.
  const passwordHash = await hashSecret(opts.password);
  const pinHash = await hashSecret(opts.pin ?? DEMO_PIN);
  const userIds = new Map<string, string>();
  for (const acct of DEMO_ACCOUNTS) {
    const [user] = await db
      .insert(s.users)
      .values({
        email: `${acct.local}@demo.vigil`,
        name: acct.name,
        passwordHash,
        staffNumber: acct.staffNumber,
        pinHash: acct.staffNumber ? pinHash : null,
        mfaSecretEnc: MFA_ROLES.includes(acct.role) ? encryptSecret(opts.totpSecret) : null,
      })
      .returning({ id: s.users.id });
    userIds.set(acct.local, user!.id);
    const scope = acct.scope;
    await db.insert(s.memberships).values({
      userId: user!.id,
      role: acct.role,
      scopeType: scope === 'all' ? 'all' : 'store' in scope ? 'store' : 'region',
      storeId: scope !== 'all' && 'store' in scope ? storeByCode.get(scope.store)!.id : null,
      regionId: scope !== 'all' && 'region' in scope ? regionId.get(scope.region)! : null,
    });
  }

  // Incidents.
  const colleagueId = userIds.get('colleague')!;
  const managerId = userIds.get('manager')!;
  const now = new Date();
  const incidentValues: (typeof s.incidents.$inferInsert)[] = [];
  let seq = 0;
  for (const store of DEMO_STORES) {
    const st = storeByCode.get(store.code)!;
    const zones = zonesOf.get(st.id)!;
    for (let ago = days; ago >= 0; ago--) {
      const day = new Date(now.getTime() - ago * 86_400_000);
      const lambda = 2.2 * store.risk * WEEKDAY_FACTOR[day.getUTCDay()]!;
      const n = r.poisson(lambda);
      for (let i = 0; i < n; i++) {
        const hour = r.pick(HOUR_WEIGHTS);
        const occurredAt = localToUtc(
          day.getUTCFullYear(),
          day.getUTCMonth() + 1,
          day.getUTCDate(),
          hour,
          r.int(0, 59),
          st.timezone,
        );
        if (occurredAt > now) continue;
        const type = r.pick(TYPE_WEIGHTS);
        const zoneKind: ZoneKind =
          type === 'theft'
            ? r.pick(THEFT_ZONES)
            : type === 'burglary'
              ? r.pick([
                  ['stockroom', 1],
                  ['cash_office', 1],
                ] as const)
              : type === 'robbery'
                ? r.pick([
                    ['tills', 2],
                    ['cash_office', 1],
                  ] as const)
                : r.pick([
                    ['entrance', 3],
                    ['tills', 3],
                    ['self_checkout', 2],
                    ['car_park', 1],
                  ] as const);
        const violent = type === 'violence_against_staff' || type === 'robbery';
        const weapon = violent && r.next() < 0.15;
        const injury = violent && r.next() < 0.25;
        const threat = violent || type === 'threats_abuse';
        const policeCalled = violent || type === 'burglary' || (type === 'theft' && r.next() < 0.12);
        const goods = ['theft', 'robbery', 'burglary'].includes(type) ? (GOODS_BY_ZONE[zoneKind] ?? ['other']) : [];
        const goodsCategories = goods.length ? [goods[r.int(0, goods.length - 1)]!] : [];
        const lossPence = goods.length ? Math.round(r.logNormal(type === 'theft' ? 4500 : 25000, 0.9) / 5) * 5 : 0;
        const recoveredPence = lossPence && r.next() < 0.3 ? Math.round(lossPence * r.next()) : 0;
        const ageDays = (now.getTime() - occurredAt.getTime()) / 86_400_000;
        const status = statusFor(ageDays, r, policeCalled);
        const reportedAt = new Date(occurredAt.getTime() + r.int(2, 90) * 60_000);
        const isHomeColleague = store.code === HOME_STORE && r.next() < 0.35;
        seq++;
        incidentValues.push({
          ref: `INC-${reportedAt.getUTCFullYear()}-${String(seq).padStart(6, '0')}`,
          storeId: st.id,
          zoneId: zones.get(zoneKind) ?? null,
          type,
          occurredAt,
          reportedAt: reportedAt > now ? now : reportedAt,
          reporterId: isHomeColleague ? colleagueId : null,
          source: isHomeColleague
            ? 'pwa'
            : r.pick([
                ['pwa', 5],
                ['kiosk', 3],
                ['console', 2],
                ['camera', 1],
              ] as const),
          severity: severityFor(type, weapon, injury),
          status,
          description: null,
          goodsCategories,
          lossPence,
          recoveredPence,
          offenderCount: type === 'suspicious_activity' ? r.int(0, 2) : r.int(1, 3),
          offenderDescriptions: [],
          weaponInvolved: weapon,
          injury,
          threatMade: threat,
          policeCalled,
          policeCrimeRef:
            status === 'referred_to_police'
              ? `CR/${r.int(100000, 999999)}/${String(reportedAt.getUTCFullYear()).slice(2)}`
              : null,
          triagedAt: status === 'reported' ? null : new Date(reportedAt.getTime() + r.int(10, 600) * 60_000),
          closedAt: status === 'closed' ? new Date(reportedAt.getTime() + r.int(1, 14) * 86_400_000) : null,
          createdAt: reportedAt,
          updatedAt: reportedAt,
        });
      }
    }
  }

  for (let i = 0; i < incidentValues.length; i += 1000) {
    const chunk = incidentValues.slice(i, i + 1000);
    const inserted = await db.insert(s.incidents).values(chunk).returning({
      id: s.incidents.id,
      reportedAt: s.incidents.reportedAt,
      reporterId: s.incidents.reporterId,
      status: s.incidents.status,
      triagedAt: s.incidents.triagedAt,
    });
    const events: (typeof s.incidentEvents.$inferInsert)[] = [];
    for (const inc of inserted) {
      events.push({ incidentId: inc.id, kind: 'created', actorId: inc.reporterId, createdAt: inc.reportedAt });
      if (inc.status !== 'reported' && inc.triagedAt) {
        events.push({
          incidentId: inc.id,
          kind: 'status_changed',
          actorId: managerId,
          data: { from: 'reported', to: inc.status },
          createdAt: inc.triagedAt,
        });
      }
    }
    await db.insert(s.incidentEvents).values(events);
  }
  await db.execute(sql`select setval('incident_ref_seq', ${Math.max(seq, 1)})`);

  // Devices at the home store (keys are random and never shown: the CLI makes usable ones).
  const home = storeByCode.get(HOME_STORE)!;
  const deviceKey = () => sha256Hex(randomBytes(24).toString('base64url'));
  await db.insert(s.devices).values([
    {
      storeId: home.id,
      kind: 'camera',
      vendor: 'frigate',
      vendorRef: 'mcr01_entrance',
      name: 'Entrance camera',
      apiKeyHash: deviceKey(),
    },
    {
      storeId: home.id,
      kind: 'camera',
      vendor: 'frigate',
      vendorRef: 'mcr01_self_checkout',
      name: 'Self-checkout camera',
      apiKeyHash: deviceKey(),
    },
    {
      storeId: home.id,
      kind: 'pos',
      vendor: 'poslog',
      vendorRef: 'mcr01_tills',
      name: 'Till feed',
      apiKeyHash: deviceKey(),
    },
    {
      storeId: home.id,
      kind: 'sensor',
      vendor: 'generic',
      vendorRef: 'mcr01_eas_gate',
      name: 'EAS gate',
      apiKeyHash: deviceKey(),
    },
    {
      storeId: home.id,
      kind: 'sensor',
      vendor: 'generic',
      vendorRef: 'mcr01_panic',
      name: 'Panic buttons',
      apiKeyHash: deviceKey(),
    },
  ]);

  const rules = await db
    .insert(s.alertRules)
    .values([
      {
        name: 'Panic button',
        kind: 'threshold',
        condition: { eventType: 'panic', count: 1, windowSeconds: 60 },
        severity: 'critical',
        recipientRoles: ['security', 'store_manager'],
        suppressionSeconds: 0,
        escalationDelaySeconds: 120,
      },
      {
        name: 'Repeated EAS gate alarms',
        kind: 'threshold',
        condition: { eventType: 'eas_alarm', count: 3, windowSeconds: 600 },
        severity: 'high',
        recipientRoles: ['security', 'store_manager'],
      },
      {
        name: 'Gate alarm with person at exit',
        kind: 'correlation',
        condition: { firstType: 'eas_alarm', secondType: 'person_detected', withinSeconds: 30, sameZone: false },
        severity: 'high',
        recipientRoles: ['security'],
      },
      {
        name: 'Cameras tampered with more than usual',
        kind: 'anomaly',
        condition: { subject: 'store', eventType: 'tamper', zThreshold: 3.5, minSamples: 14 },
        severity: 'medium',
        recipientRoles: ['store_manager'],
        suppressionSeconds: 6 * 3600,
        escalationDelaySeconds: 0,
      },
      {
        name: 'Refund without receipt over £50',
        kind: 'pos_exception',
        condition: { pattern: 'refund_without_receipt', minPence: 5000 },
        severity: 'medium',
        recipientRoles: ['store_manager'],
        escalationDelaySeconds: 3600,
      },
    ])
    .returning({ id: s.alertRules.id, name: s.alertRules.name, severity: s.alertRules.severity });
  await seedAlertHistory(db, r, { days, now, rules, storeRows, securityId: userIds.get('security')! });

  await db.insert(s.featureFlags).values([
    { key: 'kiosk_mode', enabled: true, description: 'Shared in-store kiosks for reporting without a personal login' },
    {
      key: 'police_context_layer',
      enabled: false,
      description: 'Show data.police.uk street crime around stores on maps',
    },
  ]);
  await db.insert(s.retentionPolicies).values([
    { entity: 'security_event', keepDays: 90, action: 'delete' },
    { entity: 'incident', keepDays: 6 * 365, action: 'anonymise' },
    { entity: 'subject', keepDays: 365, action: 'delete' },
    { entity: 'audit_log', keepDays: 7 * 365, action: 'delete' },
  ]);

  return { incidents: incidentValues.length, stores: storeRows.length };
}
