// The access matrix: every entry point (route handler method, page, server action,
// socket event) with who may use it. tests/unit/entry-points.test.ts fails when an entry
// point found on disk is missing here; tests/e2e/access-matrix.spec.ts runs every case
// for every demo role and for no session at all.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import type { Socket } from 'socket.io-client';

export const WHO = ['colleague', 'security', 'manager', 'regional', 'investigator', 'dpo', 'admin'] as const;
export type Who = (typeof WHO)[number];

export const HOME = 'MCR01';
export const OTHER = 'LON01';

/** Ids the cases act on, made or found before the run (tests/e2e/access-matrix.spec.ts). */
export type Fixtures = {
  homeAlertId: string;
  otherAlertId: string;
  homeIncidentId: string;
  otherIncidentId: string;
  homeIncidentRef: string;
  homeWellbeingCheckId: string;
  homeDeviceId: string;
};

export type CallContext = {
  api: APIRequestContext;
  f: Fixtures;
  /** Calls a server action the way the browser does; answers 200, 401 or 403 from its result code. */
  action: (page: string, ref: string, fields: [string, string][]) => Promise<number>;
  /** A socket with this session (null when the handshake is refused). */
  socket: () => Promise<Socket | null>;
};

export type Case = {
  name: string;
  /** An HTTP status, or what the action/socket answered mapped onto one. */
  call: (c: CallContext) => Promise<number>;
  /** One letter per role in WHO order: A = allowed (anything but 401/403), F = forbidden (403). */
  expect: string;
};

export type Entry =
  | { entry: string; audience: 'session'; cases: Case[] }
  /** Not behind a session: who may use it is decided by something else, tested where named. */
  | { entry: string; audience: 'public' | 'device' | 'kiosk' | 'self'; why: string };

const status = async (r: Promise<{ status(): number }>) => (await r).status();
const idem = () => ({ 'Idempotency-Key': randomUUID() });
const get = (url: string) => (c: CallContext) => status(c.api.get(url, { maxRedirects: 0 }));
const page = (url: string, expect: string): Case => ({ name: url, call: get(url), expect });

const socketEvent = (event: string, input: unknown) => async (c: CallContext) => {
  const socket = await c.socket();
  if (!socket) return 401;
  try {
    const reply = (await socket.timeout(5000).emitWithAck(event, input)) as { ok: boolean; error?: string };
    return reply.ok ? 200 : reply.error === 'forbidden' ? 403 : reply.error === 'unauthenticated' ? 401 : 400;
  } finally {
    socket.close();
  }
};

const ACTIONS = {
  devices: 'app/admin/devices/actions.ts',
  console: 'app/(console)/stores/[storeCode]/actions.ts',
  rules: 'app/admin/rules/actions.ts',
};

const backtest = (store: string): [string, string][] => [
  ['intent', 'backtest'],
  ['name', 'Matrix rule'],
  ['kind', 'threshold'],
  ['condition.threshold.eventType', 'eas_alarm'],
  ['condition.threshold.count', '3'],
  ['condition.threshold.windowMinutes', '10'],
  ['severity', 'high'],
  ['recipientRoles', 'security'],
  ['scope', 'store'],
  ['scopeCode.store', store],
];

export const MATRIX: Entry[] = [
  // ── public, device and kiosk entry points ──────────────────────────────────────────
  { entry: 'page /', audience: 'public', why: 'sends each person to their home, or to sign-in' },
  { entry: 'page /sign-in', audience: 'public', why: 'the sign-in form' },
  { entry: 'page /offline', audience: 'public', why: "the service worker's offline page, no data" },
  { entry: 'page /no-access', audience: 'public', why: 'explains a missing membership, no data' },
  {
    entry: 'page /kiosk/[storeCode]',
    audience: 'kiosk',
    why: 'pairing screen until paired; data only with the kiosk cookie (kiosk.spec.ts)',
  },
  { entry: 'GET /api/health', audience: 'public', why: 'liveness for load balancers' },
  { entry: 'GET /api/openapi.json', audience: 'public', why: 'the API description' },
  { entry: 'GET /api/auth/[...nextauth]', audience: 'public', why: 'Auth.js endpoints (sign-in.spec.ts)' },
  { entry: 'POST /api/auth/[...nextauth]', audience: 'public', why: 'Auth.js endpoints (sign-in.spec.ts)' },
  { entry: 'GET /insights/map-worker', audience: 'public', why: "maplibre's worker script, no data" },
  {
    entry: 'POST /api/kiosk/pair',
    audience: 'public',
    why: 'guarded by a one-time pairing code and a rate limit (kiosk.spec.ts)',
  },
  {
    entry: 'POST /api/kiosk/session',
    audience: 'kiosk',
    why: 'needs the kiosk cookie, then staff number + PIN (kiosk.spec.ts)',
  },
  {
    entry: 'POST /api/ingest/events',
    audience: 'device',
    why: 'device API key (ingest.spec.ts, tests/integration/ingest)',
  },
  {
    entry: 'POST /api/ingest/onvif',
    audience: 'device',
    why: 'device API key (ingest.spec.ts, tests/integration/ingest)',
  },
  {
    entry: 'POST /api/ingest/pos',
    audience: 'device',
    why: 'device API key (ingest.spec.ts, tests/integration/ingest)',
  },
  {
    entry: 'action app/(auth)/sign-in/actions.ts#signInAction',
    audience: 'public',
    why: 'the sign-in form (sign-in.spec.ts)',
  },
  {
    entry: 'action components/shell/sign-out-action.ts#signOutAction',
    audience: 'self',
    why: 'ends the caller’s own session only',
  },

  // ── behind a session ──────────────────────────────────────────────────────────────────
  //                                                                                 colleague security manager regional investigator dpo admin
  { entry: 'GET /api/me', audience: 'session', cases: [{ name: 'me', call: get('/api/me'), expect: 'AAAAAAA' }] },
  {
    entry: 'GET /api/incidents',
    audience: 'session',
    cases: [
      { name: HOME, call: get(`/api/incidents?store=${HOME}`), expect: 'AAAAAFA' },
      { name: OTHER, call: get(`/api/incidents?store=${OTHER}`), expect: 'FFFFFFA' },
    ],
  },
  {
    entry: 'POST /api/incidents',
    audience: 'session',
    cases: [HOME, OTHER].map((store) => ({
      name: store,
      call: (c: CallContext) =>
        status(
          c.api.post('/api/incidents', {
            data: { store, type: 'suspicious_activity', description: 'Access matrix' },
            headers: idem(),
          }),
        ),
      expect: store === HOME ? 'AAAAFFA' : 'FFFFFFA',
    })),
  },
  {
    entry: 'GET /api/alerts',
    audience: 'session',
    cases: [
      { name: HOME, call: get(`/api/alerts?store=${HOME}`), expect: 'FAAAFFA' },
      { name: OTHER, call: get(`/api/alerts?store=${OTHER}`), expect: 'FFFFFFA' },
    ],
  },
  {
    entry: 'GET /api/alerts/[id]',
    audience: 'session',
    cases: [
      { name: HOME, call: (c) => status(c.api.get(`/api/alerts/${c.f.homeAlertId}`)), expect: 'FAAAFFA' },
      { name: OTHER, call: (c) => status(c.api.get(`/api/alerts/${c.f.otherAlertId}`)), expect: 'FFFFFFA' },
    ],
  },
  ...(
    [
      ['acknowledge', () => ({})],
      ['resolve', () => ({ outcome: 'false_alarm' })],
      ['assign', () => ({ userId: randomUUID() })],
      ['link', () => ({ incidentRef: 'INC-2026-999999' })],
      ['incident', () => ({ type: 'theft' })],
    ] as const
  ).map(([verb, body]): Entry => ({
    entry: `POST /api/alerts/[id]/${verb}`,
    audience: 'session',
    cases: [
      {
        name: HOME,
        call: (c) => status(c.api.post(`/api/alerts/${c.f.homeAlertId}/${verb}`, { data: body(), headers: idem() })),
        expect: 'FAAAFFA',
      },
      {
        name: OTHER,
        call: (c) => status(c.api.post(`/api/alerts/${c.f.otherAlertId}/${verb}`, { data: body(), headers: idem() })),
        expect: 'FFFFFFA',
      },
    ],
  })),
  {
    entry: 'GET /api/events',
    audience: 'session',
    cases: [
      { name: HOME, call: get(`/api/events?store=${HOME}`), expect: 'FAAAFFA' },
      { name: OTHER, call: get(`/api/events?store=${OTHER}`), expect: 'FFFFFFA' },
    ],
  },
  {
    entry: 'POST /api/kiosk/enrolment-codes',
    audience: 'session',
    cases: [HOME, OTHER].map((store) => ({
      name: store,
      call: (c: CallContext) => status(c.api.post('/api/kiosk/enrolment-codes', { data: { store } })),
      expect: store === HOME ? 'FFAFFFA' : 'FFFFFFA',
    })),
  },
  {
    entry: 'POST /api/panic',
    audience: 'session',
    // Only the other store: a panic at the home store would reach the consoles other tests watch.
    cases: [
      {
        name: OTHER,
        call: (c) => status(c.api.post('/api/panic', { data: { store: OTHER }, headers: idem() })),
        expect: 'FFFFFFA',
      },
    ],
  },
  {
    entry: 'POST /api/push/subscriptions',
    audience: 'session',
    cases: [
      {
        name: 'own device',
        call: (c) =>
          status(
            c.api.post('/api/push/subscriptions', {
              data: {
                endpoint: `https://push.invalid/matrix/${randomUUID()}`,
                keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) },
              },
            }),
          ),
        expect: 'AAAAAAA',
      },
    ],
  },
  {
    entry: 'DELETE /api/push/subscriptions',
    audience: 'session',
    cases: [
      {
        name: 'own device',
        call: (c) =>
          status(c.api.delete('/api/push/subscriptions', { data: { endpoint: 'https://push.invalid/none' } })),
        expect: 'AAAAAAA',
      },
    ],
  },
  {
    entry: 'GET /api/context/police-crimes',
    audience: 'session',
    cases: [{ name: 'imports', call: get('/api/context/police-crimes'), expect: 'FFFFFFA' }],
  },
  {
    entry: 'POST /api/context/police-crimes',
    audience: 'session',
    // Only a header line: an administrator gets past authorisation to the 400, and nothing is stored.
    cases: [
      {
        name: 'import',
        call: (c) =>
          status(
            c.api.post('/api/context/police-crimes', {
              data: 'Not,the,police.uk,header\r\n',
              headers: { 'content-type': 'text/csv' },
            }),
          ),
        expect: 'FFFFFFA',
      },
    ],
  },
  {
    entry: 'DELETE /api/context/police-crimes/[id]',
    audience: 'session',
    cases: [
      {
        name: 'delete',
        call: (c) => status(c.api.delete(`/api/context/police-crimes/${randomUUID()}`)),
        expect: 'FFFFFFA',
      },
    ],
  },
  {
    entry: 'GET /insights/export',
    audience: 'session',
    cases: [
      { name: 'trend', call: get('/insights/export?chart=trend&period=30d'), expect: 'FFAAFFA' },
      { name: OTHER, call: get(`/insights/export?chart=trend&period=30d&store=${OTHER}`), expect: 'FFFFFFA' },
    ],
  },

  // Pages: 200 when allowed, the 403 page when not.
  { entry: 'page /report', audience: 'session', cases: [page('/report', 'AAAFFFF')] },
  { entry: 'page /my-reports', audience: 'session', cases: [page('/my-reports', 'AAAAAAA')] },
  { entry: 'page /help', audience: 'session', cases: [page('/help', 'AAAAAAA')] },
  {
    entry: 'page /stores/[storeCode]',
    audience: 'session',
    cases: [page(`/stores/${HOME}`, 'FAAAFFA'), page(`/stores/${OTHER}`, 'FFFFFFA')],
  },
  { entry: 'page /insights', audience: 'session', cases: [page('/insights', 'FFAAFFA')] },
  {
    entry: 'page /insights/stores/[code]',
    audience: 'session',
    cases: [page(`/insights/stores/${HOME}`, 'FFAAFFA'), page(`/insights/stores/${OTHER}`, 'FFFFFFA')],
  },
  { entry: 'page /cases', audience: 'session', cases: [page('/cases', 'FFFFAFA')] },
  { entry: 'page /admin', audience: 'session', cases: [page('/admin', 'FFFFFAA')] },
  { entry: 'page /admin/devices', audience: 'session', cases: [page('/admin/devices', 'FFAFFFA')] },
  { entry: 'page /admin/rules', audience: 'session', cases: [page('/admin/rules', 'FFAAFFA')] },
  { entry: 'page /admin/context', audience: 'session', cases: [page('/admin/context', 'FFFFFFA')] },

  // Server actions, called as the browser calls them.
  {
    entry: `action ${ACTIONS.devices}#createDeviceAction`,
    audience: 'session',
    cases: [HOME, OTHER].map((store) => ({
      name: store,
      call: (c: CallContext) =>
        c.action('/admin/devices', `${ACTIONS.devices}#createDeviceAction`, [
          ['store', store],
          ['kind', 'camera'],
          ['vendor', 'matrix'],
        ]),
      expect: store === HOME ? 'FFAFFFA' : 'FFFFFFA',
    })),
  },
  {
    entry: `action ${ACTIONS.devices}#revokeDeviceAction`,
    audience: 'session',
    cases: [
      {
        name: HOME,
        call: (c) => c.action('/admin/devices', `${ACTIONS.devices}#revokeDeviceAction`, [['id', c.f.homeDeviceId]]),
        expect: 'FFAFFFA',
      },
    ],
  },
  {
    entry: `action ${ACTIONS.devices}#createKioskCodeAction`,
    audience: 'session',
    cases: [HOME, OTHER].map((store) => ({
      name: store,
      call: (c: CallContext) =>
        c.action('/admin/devices', `${ACTIONS.devices}#createKioskCodeAction`, [['store', store]]),
      expect: store === HOME ? 'FFAFFFA' : 'FFFFFFA',
    })),
  },
  {
    entry: `action ${ACTIONS.console}#changeIncidentStatusAction`,
    audience: 'session',
    cases: (['home', 'other'] as const).map((which) => ({
      name: which,
      call: (c: CallContext) =>
        c.action(`/stores/${HOME}`, `${ACTIONS.console}#changeIncidentStatusAction`, [
          ['id', which === 'home' ? c.f.homeIncidentId : c.f.otherIncidentId],
          ['from', 'reported'],
          ['to', 'triaged'],
        ]),
      expect: which === 'home' ? 'FAAAFFA' : 'FFFFFFA',
    })),
  },
  {
    entry: `action ${ACTIONS.console}#completeWellbeingCheckAction`,
    audience: 'session',
    cases: [
      {
        name: HOME,
        call: (c) =>
          c.action(`/stores/${HOME}`, `${ACTIONS.console}#completeWellbeingCheckAction`, [
            ['id', c.f.homeWellbeingCheckId],
          ]),
        expect: 'FFAAFFA',
      },
    ],
  },
  {
    entry: `action ${ACTIONS.rules}#ruleEditorAction`,
    audience: 'session',
    cases: [HOME, OTHER].map((store) => ({
      name: `backtest ${store}`,
      call: (c: CallContext) => c.action('/admin/rules', `${ACTIONS.rules}#ruleEditorAction`, backtest(store)),
      expect: store === HOME ? 'FFAAFFA' : 'FFFFFFA',
    })),
  },

  // Socket events.
  {
    entry: 'socket alerts:since',
    audience: 'session',
    cases: [
      {
        name: 'catch up',
        call: socketEvent('alerts:since', { after: new Date(Date.now() - 60_000).toISOString() }),
        expect: 'FAAAFFA',
      },
    ],
  },
];

export const sessionEntries = MATRIX.filter(
  (e): e is Extract<Entry, { audience: 'session' }> => e.audience === 'session',
);
