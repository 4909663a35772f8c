// `npm run bench`: prints figures and exits non-zero when a target is missed.
// Targets are the issues' (stated per 2-core machine); nothing here is a unit test.
import '@/lib/runtime/local-env';
import { closeEmitter } from '@/lib/realtime/emitter';
import { closeQueue } from '@/lib/jobs/queue';
import { report, startBenchApp } from './harness';
import { benchIngest } from './ingest';

async function main() {
  const app = await startBenchApp(3300, { VIGIL_INGEST_RATE: '100000' });
  try {
    const figures = await benchIngest(app);
    const ok = report(figures);
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
