// Builds the production bundle only when the sources changed since the last build:
// a content hash of everything that feeds `next build` is kept in .next/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const INPUTS = ['app', 'components', 'lib', 'db/schema', 'public', 'next.config.ts', 'postcss.config.mjs', 'package-lock.json', 'proxy.ts', 'tsconfig.json'];
const STAMP = path.join('.next', 'vigil-source-hash');

// Build outputs that live in public/: hashing them would make every build "changed".
const GENERATED = new Set([path.join('public', 'sw.js'), path.join('public', 'sw.js.map')]);

function walk(p: string, out: string[]) {
  if (!fs.existsSync(p) || GENERATED.has(p)) return;
  const stat = fs.statSync(p);
  if (stat.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e), out);
  else out.push(p);
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(input, files);
  const h = createHash('sha256');
  for (const f of files) h.update(f).update('\0').update(fs.readFileSync(f));
  return h.digest('hex');
}

const SW_BUILD = [path.join('scripts', 'build-service-worker.ts')];

/** Runs the service-worker build in a child: it is async and loads workbox-build, which the server never needs. */
function buildServiceWorkerNow(log: (line: string) => void): void {
  const res = spawnSync(process.execPath, ['--import', 'tsx', ...SW_BUILD], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (res.status !== 0) throw new Error('The service worker build failed; see the output above.');
  log(res.stdout.trim().replace(/^\[sw\] /, ''));
}

export function buildIfNeeded(log: (line: string) => void): void {
  const hash = sourceHash();
  const current = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8') : '';
  if (current === hash && fs.existsSync(path.join('.next', 'BUILD_ID'))) {
    if (!fs.existsSync(path.join('public', 'sw.js'))) buildServiceWorkerNow(log);
    log('Production build is up to date.');
    return;
  }
  log('Building the production bundle (first start or changed sources; about a minute)…');
  const started = Date.now();
  const res = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (res.status !== 0) throw new Error('next build failed; see the output above.');
  buildServiceWorkerNow(log);
  fs.writeFileSync(STAMP, hash);
  log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

if (require.main === module) {
  buildIfNeeded((l) => console.log(`[build] ${l}`));
}
