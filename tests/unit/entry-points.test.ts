// Every entry point on disk must have a row in the access matrix, and every row must
// still exist: a new route, page, server action or socket event without an access rule
// fails here, before it can ship.
import { describe, expect, it } from 'vitest';
import { MATRIX, sessionEntries, WHO } from '../e2e/access-matrix';
import { discoverEntryPoints, urlPathOf } from '../support/entry-points';

describe('access matrix coverage', () => {
  const onDisk = discoverEntryPoints();
  const named = MATRIX.map((e) => e.entry);

  it('names every entry point found in app/, components/, lib/ and the socket handlers', () => {
    expect(onDisk.filter((e) => !named.includes(e))).toEqual([]);
  });

  it('names nothing that no longer exists, and nothing twice', () => {
    expect(named.filter((e) => !onDisk.includes(e))).toEqual([]);
    expect(named.filter((e, i) => named.indexOf(e) !== i)).toEqual([]);
  });

  it('gives every session entry point at least one case with an answer for each role', () => {
    for (const entry of sessionEntries) {
      expect(entry.cases.length, entry.entry).toBeGreaterThan(0);
      for (const c of entry.cases)
        expect(c.expect, `${entry.entry} · ${c.name}`).toMatch(new RegExp(`^[AF]{${WHO.length}}$`));
    }
    const cases = sessionEntries.reduce((n, e) => n + e.cases.length, 0);
    console.log(
      `access matrix: ${onDisk.length} entry points (${sessionEntries.length} behind a session), ${cases} cases × ${WHO.length + 1} callers`,
    );
  });

  it('reads URL paths the way Next routes them', () => {
    expect(urlPathOf('app/(staff)/report/page.tsx')).toBe('/report');
    expect(urlPathOf('app/api/alerts/[id]/route.ts')).toBe('/api/alerts/[id]');
    expect(urlPathOf('app/page.tsx')).toBe('/');
  });
});
