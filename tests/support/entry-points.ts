// Every way into the app, found by reading the file system: route handlers (by HTTP
// method), pages, server actions and socket events. The access matrix must name each
// one, so a new entry point without an access rule fails the tests.
import fs from 'node:fs';
import path from 'node:path';
import { SOCKET_HANDLERS } from '@/lib/realtime/socket-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** `app/(staff)/report/page.tsx` → `/report`; route groups vanish, dynamic segments stay as `[name]`. */
export function urlPathOf(file: string): string {
  const segments = path
    .dirname(file)
    .split('/')
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g))
    found.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) {
    for (const name of m[1]!.split(',').map((s) => s.trim()))
      if ((METHODS as readonly string[]).includes(name)) found.add(name);
  }
  return [...found].sort();
}

function exportedFunctions(source: string): string[] {
  return [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]!).sort();
}

/** Entry points as the matrix names them: `GET /api/alerts`, `page /report`, `action file#name`, `socket alerts:since`. */
export function discoverEntryPoints(): string[] {
  const files = [
    ...walk(path.join(ROOT, 'app')),
    ...walk(path.join(ROOT, 'components')),
    ...walk(path.join(ROOT, 'lib')),
  ]
    .map((f) => path.relative(ROOT, f))
    .sort();
  const entries: string[] = [];
  for (const file of files) {
    const base = path.basename(file);
    if (file.startsWith('app/') && base === 'route.ts') {
      for (const method of exportedMethods(fs.readFileSync(path.join(ROOT, file), 'utf8')))
        entries.push(`${method} ${urlPathOf(file)}`);
    } else if (file.startsWith('app/') && base === 'page.tsx') {
      entries.push(`page ${urlPathOf(file)}`);
    } else if (/\.(ts|tsx)$/.test(base)) {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      if (/^\s*['"]use server['"]/.test(source))
        for (const fn of exportedFunctions(source)) entries.push(`action ${file}#${fn}`);
    }
  }
  for (const event of Object.keys(SOCKET_HANDLERS)) entries.push(`socket ${event}`);
  return entries;
}
