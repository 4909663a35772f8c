// `npm test`: typecheck, lint, unit + integration tests (real PostgreSQL), a
// production build, then browser and process tests (Playwright on Debian's
// Chromium) against `npm start` on a fresh database. One command, one exit code.
import '@/lib/runtime/local-env';
import { spawnSync } from 'node:child_process';
import { createTestDatabase } from '../tests/support/test-database';
import { buildIfNeeded } from './build-if-needed';

const timings: [string, number][] = [];

function step(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const res = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push([name, Date.now() - started]);
  if (res.status !== 0) throw new StepFailed(name, res.status ?? 1);
}

/** Thrown instead of exiting, so `finally` blocks (dropping the e2e database) still run. */
class StepFailed extends Error {
  constructor(
    readonly step: string,
    readonly exitCode: number,
  ) {
    super(`${step} failed`);
  }
}

function summary(ok: boolean) {
  const total = timings.reduce((s, [, ms]) => s + ms, 0);
  console.log(`\n${timings.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(0)} s`).join(' · ')}`);
  console.log(`vigil test: ${ok ? 'all steps passed' : 'FAILED'} in ${(total / 1000).toFixed(0)} s`);
}

const bin = (name: string) => `node_modules/.bin/${name}`;

// `npm test -- --e2e-only [playwright args]` skips straight to the browser tests while developing.
const e2eOnly = process.argv.includes('--e2e-only');
const playwrightArgs = process.argv.slice(2).filter((a) => a !== '--e2e-only');

async function main() {
  if (!e2eOnly) {
    step('typecheck', bin('tsc'), ['--noEmit']);
    step('lint', bin('eslint'), ['--max-warnings', '0', '.']);
    step('unit + integration', bin('vitest'), ['run']);
  }

  const started = Date.now();
  console.log('\n▶ build');
  buildIfNeeded((l) => console.log(l));
  timings.push(['build', Date.now() - started]);

  const db = await createTestDatabase('vigil_e2e');
  try {
    step('e2e', bin('playwright'), ['test', ...playwrightArgs], { E2E_DATABASE_URL: db.url });
  } finally {
    await db.drop();
  }
  summary(true);
}

main().catch((e) => {
  if (e instanceof StepFailed) {
    console.error(`\n✖ ${e.step} failed.`);
    summary(false);
    process.exit(e.exitCode);
  }
  console.error(e);
  process.exit(1);
});
