// The OpenAPI document, generated from the same zod schemas the routes validate with.
import { z } from 'zod';
import { resolveAlertInput } from '@/lib/alerts/act-on-alert';
import { assignAlertBody } from '@/lib/alerts/assign-alert';
import { createIncidentFromAlertBody } from '@/lib/alerts/create-incident-from-alert';
import { linkAlertBody } from '@/lib/alerts/link-alert-to-incident';
import { listAlertsQuery } from '@/lib/alerts/list-alerts';
import { genericEventsBody } from '@/lib/ingest/adapters/generic-json';
import { posJsonBody } from '@/lib/ingest/adapters/poslog';
import { listEventsQuery } from '@/lib/ingest/list-events';
import { createIncidentInput } from '@/lib/incidents/create-incident';
import { createEnrolmentCodeInput } from '@/lib/kiosk/create-enrolment-code';
import { pairKioskInput } from '@/lib/kiosk/pair-kiosk';
import { verifyPinInput } from '@/lib/kiosk/verify-pin';
import { raisePanicInput } from '@/lib/panic/raise-panic';
import { pushSubscriptionInput } from '@/lib/push/save-push-subscription';
import { listIncidentsQuery } from '@/lib/incidents/list-incidents';
import { csvUploadQuery } from '@/lib/context/read-csv-upload';
import pkg from '@/package.json';

type Operation = {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  auth: 'none' | 'session' | 'device' | 'reporter' | 'kiosk';
  query?: z.ZodObject;
  body?: z.ZodType;
  /** For non-JSON bodies (XML): content type → description. */
  rawBodies?: Record<string, string>;
  headers?: Record<string, string>;
  responses: Record<string, string>;
};

const operations: Operation[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness of web, database and workers', auth: 'none', responses: { '200': 'Healthy', '503': 'The named part is down' } },
  { method: 'get', path: '/api/me', summary: 'The signed-in user with roles and scopes', auth: 'session', responses: { '200': 'The user', '401': 'Not signed in' } },
  { method: 'get', path: '/api/incidents', summary: 'Incidents the caller may see, newest first', auth: 'session', query: listIncidentsQuery, responses: { '200': '{"incidents":[…]}', '401': 'Not signed in', '403': 'Out of scope' } },
  {
    method: 'post',
    path: '/api/incidents',
    summary: 'Report an incident (idempotent on Idempotency-Key); with photos as multipart/form-data',
    auth: 'reporter',
    body: createIncidentInput,
    rawBodies: {
      'multipart/form-data':
        'Field `report`: the same JSON as a string; then up to 5 `photo` files (JPEG/PNG/WebP, ≤ 5 MB each) each followed by a `photoSha256` field (hex). The server recomputes each hash and refuses a mismatch.',
    },
    headers: { 'Idempotency-Key': 'A client-generated UUID; the same key returns the same incident' },
    responses: { '201': '{"id","ref"} created', '200': '{"id","ref"} already created with this key', '400': 'Invalid (with issues), not an image, or checksum mismatch; nothing stored', '401': 'Not signed in / kiosk colleague not identified', '403': 'Store out of scope', '409': 'queued_by_another_account: the optional X-Vigil-Queued-By header (the user id that saved it offline) names another account than the one signed in; nothing stored', '413': 'Too large', '415': 'Neither JSON nor multipart' },
  },
  { method: 'get', path: '/api/alerts', summary: 'Alerts in the caller’s stores, newest first', auth: 'session', query: listAlertsQuery, responses: { '200': '{"alerts":[…]}', '401': 'Not signed in', '403': 'Out of scope' } },
  {
    method: 'post',
    path: '/api/ingest/events',
    summary: 'Ingest 1–1000 events from a device (generic JSON webhook)',
    auth: 'device',
    body: genericEventsBody,
    responses: { '202': '{"accepted","duplicates","alerts"}: what was durably stored', '400': 'Invalid; nothing stored', '401': 'Bad or revoked key', '413': 'Too large', '415': 'Not JSON', '429': 'Rate limited' },
  },
  {
    method: 'post',
    path: '/api/ingest/onvif',
    summary: 'Ingest ONVIF WS-BaseNotification XML (Notify, PullMessagesResponse or metadata stream)',
    auth: 'device',
    rawBodies: { 'application/soap+xml': 'One or more NotificationMessages', 'application/xml': 'The same' },
    responses: { '202': '{"accepted","duplicates","alerts"}', '400': 'Malformed XML or DTD/entities; nothing stored', '401': 'Bad or revoked key', '413': 'Too large', '415': 'Not XML', '429': 'Rate limited' },
  },
  {
    method: 'post',
    path: '/api/ingest/pos',
    summary: 'Ingest till transactions: ARTS POSLog XML, or JSON',
    auth: 'device',
    body: posJsonBody,
    rawBodies: { 'application/xml': 'ARTS/NRF POSLog with one or more Transactions' },
    responses: { '202': '{"accepted","duplicates","alerts"}', '400': 'Invalid; nothing stored', '401': 'Bad or revoked key', '413': 'Too large', '415': 'Neither XML nor JSON', '429': 'Rate limited' },
  },
  { method: 'get', path: '/api/events', summary: 'Stored security events in the caller’s stores, newest first, paginated by cursor', auth: 'session', query: listEventsQuery, responses: { '200': '{"events":[…],"nextCursor"}', '401': 'Not signed in', '403': 'Out of scope' } },
  { method: 'post', path: '/api/alerts/{id}/acknowledge', summary: 'Acknowledge an open or escalated alert', auth: 'session', responses: { '200': '{"alert"}', '403': 'Out of scope', '404': 'No such alert', '409': 'Someone else acted first' } },
  { method: 'post', path: '/api/alerts/{id}/resolve', summary: 'Resolve an alert with an outcome', auth: 'session', body: resolveAlertInput, responses: { '200': '{"alert"}', '400': 'Unknown outcome', '403': 'Out of scope', '404': 'No such alert', '409': 'Already resolved' } },
  // Staff app and kiosk (lib/panic, lib/push, lib/kiosk).
  {
    method: 'post',
    path: '/api/panic',
    summary: 'Panic button: a panic event for the store (and zone) through the ingest and rules path; critical alert live',
    auth: 'reporter',
    body: raisePanicInput,
    headers: { 'Idempotency-Key': 'A client-generated UUID; with the same pressedAt a replay is a duplicate' },
    responses: { '202': '{"alerts","duplicate":false}', '200': '{"alerts":0,"duplicate":true} already received', '400': 'Invalid', '401': 'Not signed in and no paired kiosk', '403': 'Store out of scope', '409': 'queued_by_another_account: X-Vigil-Queued-By names another account than the one signed in' },
  },
  { method: 'post', path: '/api/push/subscriptions', summary: 'Opt this browser in to web push (a PushSubscription as JSON)', auth: 'session', body: pushSubscriptionInput, responses: { '201': '{"id"}', '400': 'Invalid (endpoints must be https on a public host name)', '409': 'This browser is registered to another account' } },
  { method: 'delete', path: '/api/push/subscriptions', summary: 'Opt this browser out of web push', auth: 'session', body: z.object({ endpoint: z.string().url() }), responses: { '200': '{"deleted"}' } },
  { method: 'post', path: '/api/kiosk/enrolment-codes', summary: 'A one-time kiosk pairing code for a store (valid 10 minutes; store managers and admins)', auth: 'session', body: createEnrolmentCodeInput, responses: { '201': '{"code","expiresAt","store"}', '403': 'Not a manager of that store' } },
  { method: 'post', path: '/api/kiosk/pair', summary: 'Pair this screen as the store’s kiosk: sets the httpOnly kiosk credential cookie', auth: 'none', body: pairKioskInput, responses: { '201': '{"deviceId","store"}', '400': 'Invalid, expired, used or other-store code', '429': 'Too many attempts' } },
  { method: 'post', path: '/api/kiosk/session', summary: 'Identify a colleague at a paired kiosk by staff number + PIN (5 wrong → locked 15 min)', auth: 'kiosk', body: verifyPinInput, responses: { '200': '{"firstName","token"}: send the token as X-Vigil-Kiosk-Colleague', '400': 'No match (tries left)', '401': 'Not a paired kiosk, or revoked', '429': 'PIN locked or too many attempts' } },
  // Store console: alert detail, assign, create or link an incident (lib/alerts).
  { method: 'get', path: '/api/alerts/{id}', summary: 'One alert with its action timeline and the events or till transactions that triggered it', auth: 'session', responses: { '200': '{"alert","actions":[{"action","at","by","detail"}],"events":[…],"transactions":[…]}', '401': 'Not signed in', '403': 'Out of scope', '404': 'No such alert' } },
  { method: 'post', path: '/api/alerts/{id}/assign', summary: 'Assign an alert to a colleague at its store', auth: 'session', body: assignAlertBody, responses: { '200': '{"alert"}', '400': 'Not a colleague at this store', '403': 'Out of scope', '404': 'No such alert', '409': 'Already resolved' } },
  {
    method: 'post',
    path: '/api/alerts/{id}/incident',
    summary: 'Create an incident pre-filled from the alert and link it (idempotent on Idempotency-Key)',
    auth: 'session',
    body: createIncidentFromAlertBody,
    headers: { 'Idempotency-Key': 'A client-generated UUID; the same key returns the same incident' },
    responses: { '201': '{"id","ref","created":true,"alert"}', '200': '{"id","ref","created":false,"alert"} already created with this key', '400': 'Invalid, with issues', '403': 'Out of scope', '404': 'No such alert', '409': 'The alert already has an incident' },
  },
  { method: 'post', path: '/api/alerts/{id}/link', summary: 'Link an alert to an incident at the same store', auth: 'session', body: linkAlertBody, responses: { '200': '{"alert"}', '400': 'No such incident at this store', '403': 'Out of scope', '404': 'No such alert', '409': 'Already linked to another incident' } },
  // Context data: data.police.uk street-level crime files (lib/context; administrators only).
  { method: 'get', path: '/api/context/police-crimes', summary: 'Imported data.police.uk street-level crime files, newest first (administrators)', auth: 'session', responses: { '200': '{"imports":[{"id","fileName","importedAt","importedBy","rowsRead","rowsAdded","rowsDuplicate","rowsWithoutLocation","monthFrom","monthTo"}]}', '401': 'Not signed in', '403': 'Not an administrator' } },
  {
    method: 'post',
    path: '/api/context/police-crimes',
    summary: 'Import a data.police.uk street-level crime CSV (the published 12-column format) in one transaction; crimes already stored are skipped (administrators)',
    auth: 'session',
    query: csvUploadQuery,
    rawBodies: {
      'text/csv': 'The CSV file itself (≤ 30 MB). Header exactly: Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context',
      'multipart/form-data': 'The same CSV as a `file` field; its file name is recorded',
    },
    responses: { '201': '{"id","fileName","rowsRead","rowsAdded","rowsDuplicate","rowsWithoutLocation","monthFrom","monthTo"}', '400': 'Not the street-level crime header, or a bad row (the message names the line); nothing stored', '401': 'Not signed in', '403': 'Not an administrator', '413': 'Larger than 30 MB', '415': 'Neither text/csv nor multipart/form-data' },
  },
  { method: 'delete', path: '/api/context/police-crimes/{id}', summary: 'Delete an import and the crimes it added (administrators)', auth: 'session', responses: { '200': '{"id","rowsRemoved"}', '400': 'Not an import id', '401': 'Not signed in', '403': 'Not an administrator', '404': 'No such import' } },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', auth: 'none', responses: { '200': 'OpenAPI 3.1' } },
];

const security = {
  none: [],
  session: [{ session: [] }],
  device: [{ deviceKey: [] }],
  kiosk: [{ kiosk: [] }],
  // A signed-in person, or a paired kiosk with an identified colleague (or, for panic, the kiosk itself).
  reporter: [{ session: [] }, { kiosk: [], kioskColleague: [] }],
};

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }),
      })),
      ...Object.entries(op.headers ?? {}).map(([name, description]) => ({ name, in: 'header', required: true, description, schema: { type: 'string', format: 'uuid' } })),
    ];
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      security: security[op.auth],
      ...(parameters.length ? { parameters } : {}),
      ...(op.body || op.rawBodies
        ? {
            requestBody: {
              required: true,
              content: {
                ...(op.body ? { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }) } } : {}),
                ...Object.fromEntries(Object.entries(op.rawBodies ?? {}).map(([type, description]) => [type, { schema: { type: 'string', description } }])),
              },
            },
          }
        : {}),
      responses: Object.fromEntries(Object.entries(op.responses).map(([code, description]) => [code, { description }])),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Vigil API', version: pkg.version, description: 'Sign-in is through Auth.js under /api/auth (credentials: email, password, totp).' },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
        deviceKey: { type: 'http', scheme: 'bearer', description: 'A device API key from `npm run vigil -- device create`' },
        kiosk: { type: 'apiKey', in: 'cookie', name: 'vigil_kiosk', description: 'Set by POST /api/kiosk/pair' },
        kioskColleague: { type: 'apiKey', in: 'header', name: 'X-Vigil-Kiosk-Colleague', description: 'From POST /api/kiosk/session' },
      },
    },
    paths,
  };
}
