// The service worker (app/sw.ts) is bundled with esbuild and given Workbox's precache
// manifest of the built static assets (DESIGN.md §9: @serwist/next needs webpack, so
// Workbox's injectManifest runs over .next/static after `next build`).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';

const SOURCE = path.join('app', 'sw.ts');
const OUT = path.join('public', 'sw.js');
const BUNDLE = path.join('.next', 'sw.bundle.js');

// Chunks bigger than this (the map libraries) are cached on first use instead of up front.
const MAX_PRECACHE_BYTES = 600 * 1024;

export async function buildServiceWorker(opts: { dev?: boolean } = {}): Promise<{ precached: number; bytes: number }> {
  fs.mkdirSync('.next', { recursive: true });
  await build({
    entryPoints: [SOURCE],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: !opts.dev,
    outfile: opts.dev ? OUT : BUNDLE,
    define: { 'process.env.NODE_ENV': JSON.stringify(opts.dev ? 'development' : 'production'), ...(opts.dev ? { 'self.__WB_MANIFEST': '[]' } : {}) },
    logLevel: 'warning',
  });
  if (opts.dev) return { precached: 0, bytes: 0 };

  const buildId = fs.readFileSync(path.join('.next', 'BUILD_ID'), 'utf8').trim();
  const { count, size, warnings } = await injectManifest({
    swSrc: BUNDLE,
    swDest: OUT,
    globDirectory: '.next',
    globPatterns: ['static/**/*.{js,css,woff2}'],
    modifyURLPrefix: { 'static/': '/_next/static/' },
    // Hashed file names already version these; dontCacheBustURLsMatching skips the query string.
    dontCacheBustURLsMatching: /\/_next\/static\//,
    maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
    additionalManifestEntries: [
      { url: '/offline', revision: buildId },
      { url: '/manifest.webmanifest', revision: buildId },
      { url: '/icons/icon-192.png', revision: buildId },
      { url: '/icons/icon-512.png', revision: buildId },
    ],
  });
  for (const w of warnings) if (!/exceeds the maximum size|won't be precached/.test(w)) console.warn(`[sw] ${w}`);
  return { precached: count, bytes: size };
}

if (require.main === module) {
  buildServiceWorker({ dev: process.argv.includes('--dev') }).then(
    (r) => console.log(`[sw] public/sw.js: ${r.precached} files precached (${Math.round(r.bytes / 1024)} KB)`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
