// `npm run bench [suite…]`: prints figures and exits non-zero when a target is missed.
// Targets are the issues' (stated per 2-core machine); nothing here is a unit test.
// With no arguments every suite runs; `npm run bench -- ingest` runs one.
import '@/lib/runtime/local-env';
import { closeEmitter } from '@/lib/realtime/emitter';
import { closeQueue } from '@/lib/jobs/queue';
import { type BenchApp, type Figure, report, startBenchApp } from './harness';
import { benchIngest } from './ingest';
import { benchInsights } from './insights';
import { benchPwa } from './pwa';
import { benchSockets } from './sockets';

type Suite = { name: string; run: (app: BenchApp) => Promise<Figure[]> };

// One line per suite; each gets the shared server (demo data, 7 days) and may make its own scratch data.
const SUITES: Suite[] = [
  { name: 'ingest', run: benchIngest },
  { name: 'sockets', run: benchSockets },
  { name: 'insights', run: benchInsights },
  { name: 'pwa', run: benchPwa },
];

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !SUITES.some((s) => s.name === w));
  if (unknown.length > 0) throw new Error(`Unknown bench suite(s): ${unknown.join(', ')}. Known: ${SUITES.map((s) => s.name).join(', ')}`);
  const suites = wanted.length > 0 ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;

  const app = await startBenchApp(3300, { VIGIL_INGEST_RATE: '100000' });
  let ok = true;
  try {
    for (const suite of suites) {
      console.log(`\n## ${suite.name}`);
      ok = report(await suite.run(app)) && ok;
    }
    console.log(`\nbench: ${ok ? 'all targets met' : 'some targets MISSED'}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await app.stop();
    await closeEmitter();
    await closeQueue();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
