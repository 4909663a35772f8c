// Safe XML reading for the XML vendor adapters (ONVIF, POSLog): refuses DTDs, checks
// well-formedness, parses to plain objects keyed by local name, and offers small
// narrowing helpers over that untyped tree. Also owns xs:dateTime parsing, which both
// XML formats (and our JSON forms, a strict subset) share.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { localToUtc } from '@/lib/domain/time';
import type { Issue } from '@/lib/ingest/adapters/generic-json';
import { unstorableIssue } from '@/lib/ingest/adapters/storable';

/** An element as fast-xml-parser gives it: children by local name, attributes as `@_name`, text as `#text`. */
export type XmlElement = { readonly [name: string]: unknown };

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; error: string; issues?: Issue[] };

const ATTR = '@_';
const TEXT = '#text';
/** Real ONVIF and POSLog documents are under 20 elements deep. */
const MAX_XML_DEPTH = 100;

/** Issue paths in the document's terms: `SimpleItem.1.@Value`, with text nodes left implicit. */
const xmlPathKey = (key: string): string | null =>
  key === TEXT ? null : key.startsWith(ATTR) ? `@${key.slice(ATTR.length)}` : key;

// Any DTD is refused outright rather than "safely" parsed: a DOCTYPE is the door for
// external entities (XXE) and entity expansion (billion laughs), and no format we
// accept needs one. Matching is case-insensitive so odd casings cannot slip past.
const DTD_PATTERN = /<!\s*(DOCTYPE|ENTITY)/i;

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined XML entities and character references in one pass, so
 * `&amp;lt;` becomes `&lt;` (not `<`). The parser's own entity handling is switched off
 * because it also expands DTD-declared entities; with DTDs refused this is all XML needs.
 * (CDATA text passes through the same decoder; a literal `&amp;` inside CDATA is rare
 * enough in these feeds that we accept that small imprecision.)
 */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED_ENTITIES[ref] ?? whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  textNodeName: TEXT,
  // Vendors use any prefix for the same namespace (s/env/SOAP-ENV, tev/tet, r10Ex, acs),
  // so we match on local names only.
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  // Ids such as "007" or long card tokens must survive; adapters parse numbers themselves.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  tagValueProcessor: (_name, value) => decodeEntities(value),
  attributeValueProcessor: (_name, value) => decodeEntities(value),
});

/** Parses untrusted XML. Never throws: refusals and parse errors come back as `{ok:false}`. */
export function parseXmlSafely(xml: unknown): XmlParseResult {
  if (typeof xml !== 'string') return { ok: false, error: 'XML payload must be a string' };
  const text = xml.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, error: 'XML payload is empty' };
  if (DTD_PATTERN.test(text)) {
    return { ok: false, error: 'XML refused: DOCTYPE and ENTITY declarations are not allowed' };
  }
  try {
    // The parser is lenient (it happily "parses" unclosed tags); validate first so a
    // truncated delivery is refused instead of half-read.
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      const { msg, line, col } = valid.err;
      return { ok: false, error: `XML is not well-formed: ${msg} (line ${line}, column ${col ?? '?'})` };
    }
    const parsed: unknown = parser.parse(text);
    if (!isElement(parsed)) return { ok: false, error: 'XML has no root element' };
    // A raw NUL is not even legal XML, but the validator lets it through, and a character
    // reference can spell an unpaired surrogate (&#xD800;): refuse either by its path.
    const unstorable = unstorableIssue(parsed, { maxDepth: MAX_XML_DEPTH, renameKey: xmlPathKey });
    if (unstorable) return { ok: false, error: 'XML cannot be stored', issues: [unstorable] };
    return { ok: true, root: parsed };
  } catch (e) {
    // fast-xml-parser throws on nesting deeper than its limit and on reserved names.
    return { ok: false, error: `XML could not be parsed: ${e instanceof Error ? e.message : 'unknown error'}` };
  }
}

/** A repeated element parses to an array, a single one to a value: always get an array. */
/** A request carrying more than `max` of one element (notifications, transactions) is refused whole. */
export function tooManyItems(
  element: string,
  count: number,
  max: number,
): { ok: false; error: string; issues: Issue[] } | null {
  if (count <= max) return null;
  return {
    ok: false,
    error: `Send at most ${max} ${element}s per request (this one has ${count}).`,
    issues: [{ path: element, message: `At most ${max} per request` }],
  };
}

export function asArray<T>(value: T | readonly T[] | null | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}

export function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every child element with this local name (own properties only: names come from the payload). */
export function children(node: unknown, name: string): unknown[] {
  if (!isElement(node) || !Object.hasOwn(node, name)) return [];
  return asArray(node[name]);
}

export function child(node: unknown, name: string): unknown {
  return children(node, name)[0];
}

/** Text content of an element that may be plain text, or an object with attributes and `#text`. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isElement(value) && Object.hasOwn(value, TEXT)) return textOf(value[TEXT]);
  return null;
}

export function childText(node: unknown, name: string): string | null {
  return textOf(child(node, name));
}

export function attr(node: unknown, name: string): string | null {
  if (!isElement(node) || !Object.hasOwn(node, ATTR + name)) return null;
  const value = node[ATTR + name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Whether a vendor string is short enough to give to a regular expression. Every pattern
 * an adapter applies to vendor text goes through this first, so no pattern, however it
 * backtracks, ever sees more than a few hundred characters of attacker-chosen input.
 */
export function isShort(value: string | null | undefined, maxLength: number): value is string {
  return typeof value === 'string' && value.length <= maxLength;
}

/** xs:boolean: "true"/"1" (surrounding whitespace allowed); anything else is false. */
export function isXmlTrue(value: string | null): boolean {
  if (value === null) return false;
  const v = value.trim().toLowerCase();
  return v === 'true' || v === '1';
}

/** Element names (not attributes or text) directly under `node`. */
export function childNames(node: unknown): string[] {
  if (!isElement(node)) return [];
  return Object.keys(node).filter((k) => !k.startsWith(ATTR) && k !== TEXT);
}

/**
 * Every element with this local name at any depth, in document order per branch.
 * Does not descend into matches, so a nested element of the same name is not counted twice.
 * Depth is bounded by the parser's nesting limit.
 */
export function findAll(root: unknown, name: string): unknown[] {
  const found: unknown[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isElement(node)) return;
    for (const key of childNames(node)) {
      if (key === name) found.push(...asArray(node[key]));
      else visit(node[key]);
    }
  };
  visit(root);
  return found;
}

/** Longer than any real xs:dateTime ("2026-07-01T11:58:12.123456789+01:00" is 35 characters). */
const MAX_DATE_TIME_LENGTH = 40;
// Whitespace is trimmed before matching rather than matched with \s* around the optional
// offset: that pattern backtracked quadratically on a time padded with spaces (3.6 s for
// 80 kB in one ONVIF attribute).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,12}))?)? ?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses an xs:dateTime / ISO 8601 date-time. When it carries no offset, `naiveTimeZone`
 * says what it means: 'UTC' (ONVIF's UtcTime) or an IANA zone (POSLog's store-local
 * times). Returns null for anything unparseable or out of range, never an Invalid Date.
 */
export function parseIsoDateTime(text: string, naiveTimeZone: string): Date | null {
  const trimmed = text.trim();
  if (!isShort(trimmed, MAX_DATE_TIME_LENGTH)) return null;
  const m = DATE_TIME.exec(trimmed);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  // Date.UTC silently rolls 31 June into 1 July: check the day exists.
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  const zone = m[8];
  let base: number;
  if (zone !== undefined) {
    let offsetMinutes = 0;
    if (zone.toUpperCase() !== 'Z') {
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (oh > 14 || om > 59) return null;
      offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
    }
    base = Date.UTC(y, mo - 1, d, h, mi) - offsetMinutes * 60_000;
  } else if (naiveTimeZone.toUpperCase() === 'UTC') {
    base = Date.UTC(y, mo - 1, d, h, mi);
  } else {
    try {
      base = localToUtc(y, mo, d, h, mi, naiveTimeZone).getTime();
    } catch {
      // An unknown IANA zone: the caller treats the time as missing.
      return null;
    }
  }
  const result = new Date(base + s * 1000 + ms);
  return Number.isNaN(result.getTime()) ? null : result;
}
