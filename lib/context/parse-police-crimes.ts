// Pure parser for data.police.uk street-level crime CSVs (the published 12-column format):
// a small RFC 4180 reader, an exact header check, zod per row, and each row's fingerprint.
// No I/O; every error names the line of the file it comes from.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type FieldIssue, Invalid } from '@/lib/errors';
import { POLICE_CSV_HEADER } from './police-data';

export type CsvRecord = {
  /** 1-based line where the record starts (quoted fields may span lines). */ line: number;
  fields: string[];
};

class CsvSyntaxError extends Invalid {
  constructor(line: number, problem: string) {
    super(`Line ${line}: ${problem}`, [{ path: `line ${line}`, message: problem }]);
  }
}

/** Physical line breaks in a chunk: CRLF, LF or a lone CR each count once. */
function lineBreaks(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 10 || (c === 13 && s.charCodeAt(k + 1) !== 10)) n++;
  }
  return n;
}

/**
 * RFC 4180 records: comma-separated, CRLF or LF line ends, fields in double quotes may hold commas,
 * quotes (doubled) and line breaks. A leading UTF-8 BOM (Excel adds one) and blank lines are ignored;
 * a stray quote inside an unquoted field is kept as text, as spreadsheet exports produce them.
 */
export function readCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const n = text.length;
  const out: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        const opened = line;
        let value = '';
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) throw new CsvSyntaxError(opened, 'a quoted field is never closed.');
          const chunk = text.slice(i, q);
          line += lineBreaks(chunk);
          value += chunk;
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        const c = text.charCodeAt(i);
        if (i < n && c !== 44 && c !== 13 && c !== 10)
          throw new CsvSyntaxError(
            line,
            'unexpected text after a closing quote (quotes inside a field must be doubled).',
          );
        fields.push(value);
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 13 || c === 10) break;
          j++;
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      i++;
      if (c === 44) continue;
      if (c === 13 && text.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: start, fields });
  }
  return out;
}

// ---- rows

/** A decimal degree ('' = no location, which police.uk leaves blank for some crimes). */
const degrees = (max: number) =>
  z
    .string()
    .trim()
    .transform((s, ctx) => {
      if (s === '') return null;
      const v = Number(s);
      if (!/^[-+]?\d{1,3}(\.\d+)?$/.test(s) || Math.abs(v) > max) {
        ctx.addIssue({ code: 'custom', message: `must be a number from -${max} to ${max}` });
        return z.NEVER;
      }
      return v;
    });
const required = (max: number) => z.string().trim().min(1, 'is blank').max(max, `is longer than ${max} characters`);
const optional = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);

/** One row, keyed by position in POLICE_CSV_HEADER. */
const rowSchema = z.tuple([
  optional(128), // Crime ID: blank for anti-social behaviour
  z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-09'),
  required(200), // Reported by
  required(200), // Falls within
  degrees(180), // Longitude
  degrees(90), // Latitude
  optional(500), // Location ("On or near …")
  optional(20), // LSOA code
  optional(200), // LSOA name
  required(100), // Crime type
  optional(200), // Last outcome category
  z.string().max(10_000, 'is longer than 10000 characters'), // Context
]);

export type PoliceCrimeRow = {
  /** First day of the month, 'YYYY-MM-01'. */
  month: string;
  crimeType: string;
  lat: number;
  lng: number;
  location: string;
  lsoaCode: string | null;
  fallsWithin: string;
  lastOutcome: string | null;
  crimeId: string | null;
  fingerprint: string;
};

export type ParsedPoliceCrimes = {
  /** Rows with a location, each fingerprint once. */
  rows: PoliceCrimeRow[];
  /** Data rows in the file (header excluded). */
  rowsRead: number;
  withoutLocation: number;
  /** Rows repeating an earlier row of the same file. */
  duplicatesInFile: number;
  /** First days of the earliest and latest month in the file. */
  monthFrom: string | null;
  monthTo: string | null;
};

const MAX_REPORTED_ISSUES = 5;
const SEP = '\u001f';
const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

function checkHeader(record: CsvRecord | undefined): void {
  if (!record) throw new Invalid('The file is empty. Choose a street-level crime CSV from data.police.uk.');
  const got = record.fields.map((f) => f.trim());
  const expected = POLICE_CSV_HEADER.join(',');
  const wrong = POLICE_CSV_HEADER.findIndex((h, k) => got[k] !== h);
  if (wrong === -1 && got.length === POLICE_CSV_HEADER.length) return;
  const detail =
    wrong === -1
      ? `it has ${got.length} columns; the street-level crime file has ${POLICE_CSV_HEADER.length}.`
      : `column ${wrong + 1} should be “${POLICE_CSV_HEADER[wrong]}” but is “${got[wrong] ?? ''}”.`;
  throw new Invalid(
    `Line ${record.line}: this is not a data.police.uk street-level crime file (${detail}) The first line must be exactly: ${expected}`,
    [{ path: `line ${record.line}`, message: detail }],
  );
}

/**
 * Parses a whole file or throws Invalid naming the line(s) at fault.
 * The fingerprint identifies a crime across files: by police.uk's Crime ID where there is one (it is
 * stable across monthly releases, whose outcome and coordinates may be revised); otherwise (anti-social
 * behaviour) by the normalised row plus how many identical rows came before it in the file, because two
 * identical ASB rows are two reports, yet the same file imported twice must give the same fingerprints.
 */
export function parsePoliceCrimes(csv: string): ParsedPoliceCrimes {
  const records = readCsv(csv);
  checkHeader(records[0]);
  if (records.length === 1) throw new Invalid('The file has a header but no crimes after it.');

  const issues: FieldIssue[] = [];
  const rows: PoliceCrimeRow[] = [];
  const seen = new Set<string>();
  const occurrences = new Map<string, number>();
  let withoutLocation = 0;
  let duplicatesInFile = 0;
  let monthFrom: string | null = null;
  let monthTo: string | null = null;

  for (let r = 1; r < records.length && issues.length < MAX_REPORTED_ISSUES; r++) {
    const { line, fields } = records[r]!;
    if (fields.length !== POLICE_CSV_HEADER.length) {
      issues.push({
        path: `line ${line}`,
        message: `the row has ${fields.length} fields; a street-level crime row has ${POLICE_CSV_HEADER.length}`,
      });
      continue;
    }
    const parsed = rowSchema.safeParse(fields);
    if (!parsed.success) {
      for (const i of parsed.error.issues.slice(0, MAX_REPORTED_ISSUES - issues.length)) {
        const column = POLICE_CSV_HEADER[Number(i.path[0])] ?? 'A field';
        issues.push({ path: `line ${line}.${column}`, message: `${column} ${i.message}` });
      }
      continue;
    }
    const [crimeId, month, reportedBy, fallsWithin, lng, lat, location, lsoaCode, , crimeType, lastOutcome] =
      parsed.data;
    const monthDay = `${month}-01`;
    if (!monthFrom || monthDay < monthFrom) monthFrom = monthDay;
    if (!monthTo || monthDay > monthTo) monthTo = monthDay;
    if (lat === null || lng === null) {
      withoutLocation++;
      continue;
    }
    let identity: string;
    if (crimeId) {
      identity = ['id', crimeId, month].join(SEP);
    } else {
      const row = [
        month,
        norm(reportedBy),
        norm(fallsWithin),
        lng.toFixed(6),
        lat.toFixed(6),
        norm(location),
        lsoaCode.toUpperCase(),
        norm(crimeType),
      ].join(SEP);
      const nth = (occurrences.get(row) ?? 0) + 1;
      occurrences.set(row, nth);
      identity = ['row', row, nth].join(SEP);
    }
    const fingerprint = createHash('sha256').update(identity).digest('hex');
    if (seen.has(fingerprint)) {
      duplicatesInFile++;
      continue;
    }
    seen.add(fingerprint);
    rows.push({
      month: monthDay,
      crimeType,
      lat,
      lng,
      location,
      lsoaCode: lsoaCode || null,
      fallsWithin,
      lastOutcome: lastOutcome || null,
      crimeId: crimeId || null,
      fingerprint,
    });
  }

  if (issues.length) {
    const first = issues[0]!;
    const line = first.path.replace(/^line (\d+).*$/, '$1');
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''} listed)` : '';
    throw new Invalid(`Line ${line}: ${first.message}.${more} Nothing was imported.`, issues);
  }
  return { rows, rowsRead: records.length - 1, withoutLocation, duplicatesInFile, monthFrom, monthTo };
}
