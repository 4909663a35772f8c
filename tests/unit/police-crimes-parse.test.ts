import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePoliceCrimes, readCsv } from '@/lib/context/parse-police-crimes';
import { POLICE_CSV_HEADER } from '@/lib/context/police-data';
import { Invalid } from '@/lib/errors';

const HEADER = POLICE_CSV_HEADER.join(',');
const FIXTURE = readFileSync(path.join(import.meta.dirname, '../fixtures/police-street-crimes.csv'), 'utf8');
const ID = 'a'.repeat(64);

/** A valid row with some fields replaced (by header name). */
function row(over: Partial<Record<(typeof POLICE_CSV_HEADER)[number], string>> = {}): string {
  const base: Record<string, string> = {
    'Crime ID': ID,
    Month: '2026-09',
    'Reported by': 'Greater Manchester Police',
    'Falls within': 'Greater Manchester Police',
    Longitude: '-2.239100',
    Latitude: '53.482700',
    Location: 'On or near Market Street',
    'LSOA code': 'E01033677',
    'LSOA name': 'Manchester 054C',
    'Crime type': 'Shoplifting',
    'Last outcome category': 'Under investigation',
    Context: '',
  };
  return POLICE_CSV_HEADER.map((h) => {
    const v = over[h] ?? base[h]!;
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}
const file = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

function invalid(fn: () => unknown): Invalid {
  try {
    fn();
  } catch (e) {
    if (e instanceof Invalid) return e;
    throw e;
  }
  throw new Error('expected Invalid');
}

describe('readCsv (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes, CRLF and LF, a BOM and a missing final line break', () => {
    const got = readCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""",\n1,2,3');
    expect(got).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', ''] },
      { line: 3, fields: ['1', '2', '3'] },
    ]);
  });

  it('keeps line breaks inside quotes and still numbers the lines of the file', () => {
    const got = readCsv('a,b\r\n"two\r\nlines",x\r\n\r\nlast,"three\nmore\nlines"\nend,1\n');
    expect(got.map((r) => r.line)).toEqual([1, 2, 5, 8]);
    expect(got[1]!.fields).toEqual(['two\r\nlines', 'x']);
    expect(got[2]!.fields).toEqual(['last', 'three\nmore\nlines']);
  });

  it('names the line of an unclosed quote or of text after a closing quote', () => {
    expect(invalid(() => readCsv('a,b\nc,"open\nstill open')).message).toMatch(
      /^Line 2: a quoted field is never closed/,
    );
    expect(invalid(() => readCsv('a,b\n"x"y,z')).message).toMatch(/^Line 2: unexpected text after a closing quote/);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(readCsv('5" screen,x')[0]!.fields).toEqual(['5" screen', 'x']);
  });
});

describe('parsePoliceCrimes', () => {
  it('reads the fixture: counts, months, quoted fields', () => {
    const p = parsePoliceCrimes(FIXTURE);
    expect(p.rowsRead).toBe(82);
    expect(p.withoutLocation).toBe(4);
    expect(p.duplicatesInFile).toBe(0);
    expect(p.rows).toHaveLength(78);
    expect([p.monthFrom, p.monthTo]).toEqual(['2026-08-01', '2026-10-01']);
    expect(p.rows[0]).toMatchObject({
      month: '2026-08-01',
      crimeType: 'Shoplifting',
      location: 'On or near Market Street, Piccadilly Gardens',
      fallsWithin: 'Greater Manchester Police',
      lsoaCode: 'E01033677',
    });
    const asb = p.rows.filter((r) => r.crimeType === 'Anti-social behaviour');
    expect(asb.every((r) => r.crimeId === null && r.lastOutcome === null)).toBe(true);
    expect(new Set(p.rows.map((r) => r.fingerprint)).size).toBe(78);
  });

  it('gives the same fingerprints to the same file, and to a crime whose outcome was updated later', () => {
    expect(parsePoliceCrimes(FIXTURE).rows.map((r) => r.fingerprint)).toEqual(
      parsePoliceCrimes(FIXTURE).rows.map((r) => r.fingerprint),
    );
    const before = parsePoliceCrimes(file(row())).rows[0]!;
    const after = parsePoliceCrimes(file(row({ 'Last outcome category': 'Offender given a caution' }))).rows[0]!;
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('keeps identical anti-social behaviour rows as separate reports, and counts a repeated Crime ID once', () => {
    const asb = row({ 'Crime ID': '', 'Crime type': 'Anti-social behaviour', 'Last outcome category': '' });
    const p = parsePoliceCrimes(file(asb, asb, row(), row()));
    expect(p.rows).toHaveLength(3);
    expect(p.duplicatesInFile).toBe(1);
    // Importing just one of the two ASB rows later matches the first, not a new crime.
    expect(parsePoliceCrimes(file(asb)).rows[0]!.fingerprint).toBe(p.rows[0]!.fingerprint);
  });

  it('counts rows without a location and does not return them', () => {
    const p = parsePoliceCrimes(
      file(row({ Longitude: '', Latitude: '', Location: 'No Location', 'LSOA code': '', 'LSOA name': '' }), row()),
    );
    expect(p).toMatchObject({ rowsRead: 2, withoutLocation: 1 });
    expect(p.rows).toHaveLength(1);
  });

  it('accepts a header with a BOM and LF line ends', () => {
    expect(parsePoliceCrimes(`\uFEFF${HEADER}\n${row()}\n`).rows).toHaveLength(1);
  });

  it('refuses a file that is not the street-level crime format, naming the column', () => {
    const outcomes = HEADER.replace('Crime type,Last outcome category,Context', 'Outcome type');
    const e = invalid(() => parsePoliceCrimes(`${outcomes}\r\n${ID},2026-09,x,x,1,1,x,x,x,y\r\n`));
    expect(e.message).toMatch(/^Line 1: this is not a data\.police\.uk street-level crime file/);
    expect(e.message).toContain('column 10 should be “Crime type” but is “Outcome type”');
    expect(invalid(() => parsePoliceCrimes(`${HEADER},Extra\r\n`)).message).toContain('it has 13 columns');
    expect(invalid(() => parsePoliceCrimes(HEADER.toLowerCase())).message).toMatch(/^Line 1:/);
    expect(invalid(() => parsePoliceCrimes('')).message).toMatch(/empty/);
    expect(invalid(() => parsePoliceCrimes(`${HEADER}\r\n`)).message).toMatch(/no crimes/);
  });

  it('names the line and column of a bad row', () => {
    const e = invalid(() => parsePoliceCrimes(file(row(), row({ Latitude: 'north' }), row({ Month: '2026-13' }))));
    expect(e.message).toMatch(/^Line 3: Latitude must be a number from -90 to 90\./);
    expect(e.message).toMatch(/Nothing was imported/);
    expect(e.issues).toEqual([
      { path: 'line 3.Latitude', message: 'Latitude must be a number from -90 to 90' },
      { path: 'line 4.Month', message: 'Month must be a month like 2026-09' },
    ]);
    expect(invalid(() => parsePoliceCrimes(file(row(), 'a,b,c'))).message).toMatch(/^Line 3: the row has 3 fields/);
    expect(invalid(() => parsePoliceCrimes(file(row({ 'Crime type': ' ' })))).message).toMatch(
      /^Line 2: Crime type is blank/,
    );
    expect(invalid(() => parsePoliceCrimes(file(row({ Longitude: '200.1' })))).message).toMatch(/Longitude must be/);
  });

  it('counts lines through a quoted field that spans lines', () => {
    const e = invalid(() => parsePoliceCrimes(file(row({ Context: 'two\nlines' }), row({ Month: 'Sept' }))));
    expect(e.message).toMatch(/^Line 4: Month/);
  });
});
