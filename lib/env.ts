// The only reader of process.env. Every process (web, workers, CLI, tests) imports
// `env` from here, so configuration is validated once and typed everywhere.
import { z } from 'zod';
import { parseTrustedProxies } from './http/client-address';
import { parseAllowedOrigins } from './push/push-endpoint';

// An empty string means "unset", so `FOO= npm start` behaves like no FOO at all.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const flag = (fallback: boolean) =>
  z.preprocess(
    (v) =>
      typeof v === 'string' && v.trim() !== '' ? !['0', 'false', 'no', 'off'].includes(v.toLowerCase()) : fallback,
    z.boolean(),
  );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: optional(z.coerce.number().int().min(1).max(65535)).default(3000),
  HOSTNAME: optional(z.string()),
  DATABASE_URL: optional(z.string().url()),
  VIGIL_DATA_DIR: optional(z.string()).default('.data'),
  /** Where evidence files (photos) are stored; defaults to <VIGIL_DATA_DIR>/evidence. */
  VIGIL_EVIDENCE_DIR: optional(z.string()),
  /**
   * Where the daily signed audit anchors are written (lib/audit/anchor-audit-log.ts);
   * defaults to <VIGIL_DATA_DIR>/audit-anchors. Best on storage the database's users
   * can't rewrite (another host, a write-once bucket mount).
   */
  VIGIL_AUDIT_ANCHOR_DIR: optional(z.string()),
  AUTH_SECRET: optional(z.string().min(32)),
  /** base64 of 32 random bytes; encrypts MFA secrets at rest. */
  VIGIL_ENCRYPTION_KEY: optional(z.string().min(40)),
  /**
   * Demo data (published accounts and passwords): seeded only into the embedded database
   * unless set. Unset → on for the embedded database, off with DATABASE_URL (see
   * lib/runtime/demo-mode.ts); 1 → always; 0 → never.
   */
  VIGIL_DEMO: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? !['0', 'false', 'no', 'off'].includes(v.trim().toLowerCase()) : undefined),
    z.boolean().optional(),
  ),
  VIGIL_DEMO_PASSWORD: optional(z.string().min(8)).default('vigil-demo'),
  VIGIL_DEMO_TOTP_SECRET: optional(z.string().regex(/^[A-Z2-7]+=*$/)).default('JBSWY3DPEHPK3PXP'),
  VIGIL_WORKERS: flag(true),
  VIGIL_DB_POOL_MAX: optional(z.coerce.number().int().min(1).max(100)).default(10),
  /** Sign-in attempts allowed per email per 15 minutes. */
  VIGIL_SIGNIN_LIMIT: optional(z.coerce.number().int().min(1)).default(10),
  /** Ingest requests per second allowed per device (bursts of twice this). */
  VIGIL_INGEST_RATE: optional(z.coerce.number().min(0.1)).default(50),
  MQTT_URL: optional(z.string().url()),
  /**
   * Store Frigate's sub_label (with face recognition on, a person's name). Off by default:
   * Vigil does no biometrics; turn on only for non-biometric sub labels such as plates.
   */
  VIGIL_FRIGATE_SUB_LABELS: flag(false),
  /** Port of the embedded MQTT broker used when MQTT_URL is unset (1883 is often a real Mosquitto). */
  VIGIL_MQTT_PORT: optional(z.coerce.number().int().min(1).max(65535)).default(1884),
  MAPBOX_TOKEN: optional(z.string()),
  /** Web push (VAPID) keys, base64url; generated into .env.local on first start. */
  VAPID_PUBLIC_KEY: optional(z.string().min(40)),
  VAPID_PRIVATE_KEY: optional(z.string().min(20)),
  VAPID_SUBJECT: optional(z.string()).default('mailto:security@vigil.invalid'),
  /** Seconds of no touch after which a kiosk forgets the colleague and returns to its start screen. */
  VIGIL_KIOSK_IDLE_SECONDS: optional(z.coerce.number().int().min(10).max(3600)).default(60),
  /**
   * Tests and development only: comma-separated origins (e.g. `http://127.0.0.1:4010`) accepted
   * as web push endpoints although they break the rules (https, public host name; see
   * lib/push/push-endpoint.ts). Never set it in production: the server POSTs to these.
   */
  VIGIL_PUSH_ALLOWED_ORIGINS: optional(
    z.string().superRefine((list, ctx) => {
      try {
        parseAllowedOrigins(list);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    }),
  ),
  /**
   * The address people and devices use to reach Vigil, e.g. `https://vigil.example.com`. When it
   * is https, the kiosk's device cookie is always Secure, even if TLS ends at a proxy; sockets
   * accept this Origin too.
   */
  VIGIL_PUBLIC_URL: optional(z.string().url()),
  /** How often each web process re-checks its sockets' accounts, memberships and kiosks. */
  VIGIL_SOCKET_RECHECK_SECONDS: optional(z.coerce.number().min(0.5).max(300)).default(5),
  /**
   * Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: comma-separated
   * addresses and CIDRs, e.g. `10.0.0.0/8,2001:db8::1`. Default none, loopback included, so a
   * client cannot choose the address that rate limits and audit entries see.
   */
  VIGIL_TRUSTED_PROXIES: optional(
    z.string().superRefine((list, ctx) => {
      try {
        parseTrustedProxies(list);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    }),
  ),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error'])).default('info'),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export const env = parseEnv();

/** For values that must exist in a running server but not at build time. */
export function requireEnv<K extends keyof Env>(key: K): NonNullable<Env[K]> {
  const value = env[key];
  if (value === undefined || value === null) {
    throw new Error(`${String(key)} is not set. Start Vigil with \`npm start\`, which generates it into .env.local.`);
  }
  return value as NonNullable<Env[K]>;
}
