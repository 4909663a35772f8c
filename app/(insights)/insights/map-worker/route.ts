// maplibre-gl 6 starts its module worker from a URL next to its own bundle, which the app
// bundler does not emit; the map sets this URL instead (setWorkerUrl). Public code, no data.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

let cached: Buffer | undefined;

export async function GET() {
  cached ??= await readFile(path.join(process.cwd(), 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs'));
  return new Response(new Uint8Array(cached), {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' },
  });
}
