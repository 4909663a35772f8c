// Operator CLI: `npm run vigil -- <command>`. Same env as the server; with no
// DATABASE_URL it finds the running embedded database (or starts it for the command).
// Results go to stdout as JSON; messages go to stderr.
import '@/lib/runtime/local-env';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDb, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { CLI_OPERATOR } from '@/lib/auth/actor';
import { anchorAuditLog } from '@/lib/audit/anchor-audit-log';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { createDevice } from '@/lib/devices/create-device';
import { revokeDevice } from '@/lib/devices/revoke-device';
import { AppError, Invalid } from '@/lib/errors';
import { resolveDatabase } from '@/lib/runtime/resolve-database';
import { createUser } from '@/lib/users/create-user';
import { defaultTargets, simulate } from './simulate';

const simulateInput = z.object({
  store: z.string().min(1),
  rate: z.coerce.number().min(0.1).max(50_000).default(20),
  duration: z.coerce.number().min(1).max(3600).default(30),
  url: z.string().url().optional(),
  mqtt: z.string().url().optional(),
});

type Command = {
  usage: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  run: (db: Db, values: Record<string, string | boolean | undefined>) => Promise<unknown>;
};

const commands: Record<string, Command> = {
  'device create': {
    usage: `device create --store <code> --kind camera|pos|sensor|vms|kiosk --vendor <name> [--ref <vendor id>] [--name <label>]
  Registers a device and prints {"id","apiKey"}. The key is shown once; keep it safe.`,
    options: {
      store: { type: 'string' },
      kind: { type: 'string' },
      vendor: { type: 'string' },
      ref: { type: 'string' },
      name: { type: 'string' },
    },
    run: (db, v) => createDevice(db, CLI_OPERATOR, v),
  },
  'device revoke': {
    usage: `device revoke --id <device id>
  Revokes a device's API key; its next request is refused with 401.`,
    options: { id: { type: 'string' } },
    run: (db, v) => revokeDevice(db, CLI_OPERATOR, v),
  },
  'user create': {
    usage: `user create --email <email> --name <name> --role <role> (--store <code> | --region <code> | --all) [--password <pw>]
  Creates a user. Without --password one is generated. Prints the password and, for roles
  that need MFA, the TOTP secret to enrol in an authenticator app (both shown once).`,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      store: { type: 'string' },
      region: { type: 'string' },
      all: { type: 'boolean' },
      password: { type: 'string' },
    },
    run: async (db, v) => {
      const password = typeof v.password === 'string' ? v.password : randomBytes(12).toString('base64url');
      const user = await createUser(db, CLI_OPERATOR, { ...v, password });
      return { ...user, password: v.password ? undefined : password };
    },
  },
  simulate: {
    usage: `simulate --store <code> [--rate <events/s, default 20>] [--duration <s, default 30>] [--url <app url>] [--mqtt <broker url>]
  Sends realistic mixed traffic to a running Vigil through its real interfaces (HTTP generic,
  ONVIF XML, POSLog XML, Frigate and sensors over MQTT), with bursts that trigger each demo
  rule (repeated EAS alarms, gate alarm + person, refund without receipt, panic button).`,
    options: {
      store: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      url: { type: 'string' },
      mqtt: { type: 'string' },
    },
    run: async (db, v) => {
      const parsed = simulateInput.safeParse(v);
      if (!parsed.success) throw Invalid.fromZod(parsed.error);
      const targets = defaultTargets();
      return simulate(db, {
        store: parsed.data.store,
        rate: parsed.data.rate,
        duration: parsed.data.duration,
        url: parsed.data.url ?? targets.url,
        mqttUrl: parsed.data.mqtt ?? targets.mqttUrl,
      });
    },
  },
  'audit verify': {
    usage: `audit verify [--full]
  Checks the audit log's hash chain from the last checkpoint (--full: from the start) and
  against the newest signed anchor in VIGIL_AUDIT_ANCHOR_DIR; exits 1 if any row was
  altered or removed, or rows were cut from the end after the anchor.`,
    options: { full: { type: 'boolean' } },
    run: async (db, v) => {
      const report = await verifyAuditChain(db, { full: v.full === true });
      if (!report.ok) process.exitCode = 1;
      return report;
    },
  },
  'audit anchor': {
    usage: `audit anchor
  Records the chain's head (seq, hash, row count) as an audit.anchor entry and as a signed
  file in VIGIL_AUDIT_ANCHOR_DIR (the workers also do this daily). Prints {"file","anchor"}.`,
    options: {},
    run: (db) => anchorAuditLog(db),
  },
};

function help() {
  return `Vigil operator CLI — npm run vigil -- <command> [options]\n\nCommands:\n${Object.values(commands)
    .map((c) => `  ${c.usage.split('\n').join('\n  ')}`)
    .join('\n\n')}\n\nEvery command takes --help.`;
}

async function main() {
  const argv = process.argv.slice(2);
  const twoWords = argv.slice(0, 2).join(' ');
  const name = commands[twoWords] ? twoWords : (argv[0] ?? '');
  const command = commands[name];
  if (!command) {
    console.error(
      argv.length && !argv.includes('--help') ? `Unknown command "${argv.join(' ')}".\n\n${help()}` : help(),
    );
    process.exit(argv.length && !argv.includes('--help') ? 2 : 0);
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({
      args: argv.slice(name.split(' ').length),
      options: { ...command.options, help: { type: 'boolean' } },
      strict: true,
    });
    values = parsed.values as typeof values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\nUsage: ${command.usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(`Usage: npm run vigil -- ${command.usage}`);
    return;
  }
  delete values.help;

  const database = await resolveDatabase();
  const { db, sql } = createDb(database.url, 2);
  try {
    await migrateDatabase(database.url);
    const result = await command.run(db, values);
    console.log(JSON.stringify(result));
  } catch (e) {
    if (e instanceof Invalid) {
      console.error(
        `${e.message}\n${e.issues.map((i) => `  --${i.path}: ${i.message}`).join('\n')}\n\nUsage: ${command.usage}`,
      );
      process.exitCode = 2;
    } else if (e instanceof AppError) {
      console.error(e.message);
      process.exitCode = 1;
    } else throw e;
  } finally {
    await sql.end();
    await database.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
