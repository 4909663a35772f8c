import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { asArray, attr, childText, findAll, parseIsoDateTime, parseXmlSafely } from '@/lib/ingest/adapters/xml';

const XXE = `<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<root>&xxe;</root>`;

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>`;

describe('parseXmlSafely', () => {
  it('parses with namespace prefixes removed and attributes kept as strings', () => {
    const r = parseXmlSafely(
      '<?xml version="1.0"?><s:Envelope xmlns:s="urn:s" xmlns:a="urn:a"><s:Body><a:Item a:Code="007" Qty="1.50">0042</a:Item></s:Body></s:Envelope>',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [item] = findAll(r.root, 'Item');
    expect(attr(item, 'Code')).toBe('007');
    expect(attr(item, 'Qty')).toBe('1.50');
    expect(childText(findAll(r.root, 'Body')[0], 'Item')).toBe('0042');
  });

  it('decodes predefined entities and character references once', () => {
    const r = parseXmlSafely('<a x="Fish &amp; Chips"><b>&lt;ok&gt; &#163;2 &#x20AC;3 &amp;lt;</b></a>');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = findAll(r.root, 'a')[0];
    expect(attr(a, 'x')).toBe('Fish & Chips');
    expect(childText(a, 'b')).toBe('<ok> £2 €3 &lt;');
  });

  it('refuses external entities (XXE)', () => {
    const r = parseXmlSafely(XXE);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/DOCTYPE/) });
  });

  it('refuses entity expansion (billion laughs) quickly', () => {
    const started = Date.now();
    const r = parseXmlSafely(BILLION_LAUGHS);
    expect(r.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses a lone ENTITY declaration and odd DOCTYPE casing', () => {
    expect(parseXmlSafely('<a><!ENTITY x "y"></a>').ok).toBe(false);
    expect(parseXmlSafely('<!doctype a><a/>').ok).toBe(false);
  });

  it('refuses XML that is not well-formed, with the position', () => {
    const r = parseXmlSafely('<a><b></a>');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not well-formed.*line 1/);
    expect(parseXmlSafely('').ok).toBe(false);
    expect(parseXmlSafely('just text').ok).toBe(false);
    expect(parseXmlSafely(42).ok).toBe(false);
  });

  it('refuses nesting deeper than the parser limit without throwing', () => {
    const deep = '<a>'.repeat(500) + '</a>'.repeat(500);
    expect(parseXmlSafely(deep).ok).toBe(false);
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (input) => {
        parseXmlSafely(input);
      }),
      { numRuns: 200 },
    );
  });
});

describe('asArray', () => {
  it('normalises missing, single and repeated values', () => {
    expect(asArray(undefined)).toEqual([]);
    expect(asArray(null)).toEqual([]);
    expect(asArray('x')).toEqual(['x']);
    expect(asArray(['x', 'y'])).toEqual(['x', 'y']);
  });
});

describe('parseIsoDateTime', () => {
  it('honours an explicit offset', () => {
    expect(parseIsoDateTime('2026-07-01T14:00:00+01:00', 'Europe/London')?.toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
    expect(parseIsoDateTime('2026-07-01T14:00:00-0500', 'UTC')?.toISOString()).toBe('2026-07-01T19:00:00.000Z');
    expect(parseIsoDateTime('2026-07-01T14:00:00.1234Z', 'Europe/London')?.toISOString()).toBe(
      '2026-07-01T14:00:00.123Z',
    );
  });

  it('reads a time without offset in the given zone (BST and GMT)', () => {
    expect(parseIsoDateTime('2026-07-01T14:00:00', 'Europe/London')?.toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(parseIsoDateTime('2026-01-15T14:00:30', 'Europe/London')?.toISOString()).toBe('2026-01-15T14:00:30.000Z');
    expect(parseIsoDateTime('2026-07-01T14:00:00', 'UTC')?.toISOString()).toBe('2026-07-01T14:00:00.000Z');
  });

  it('returns null for impossible or unparseable values', () => {
    for (const bad of [
      '',
      'yesterday',
      '2026-02-30T10:00:00Z',
      '2026-07-01T25:00:00Z',
      '2026-07-01T10:00:00+15:00',
      '1719835200',
    ]) {
      expect(parseIsoDateTime(bad, 'UTC')).toBeNull();
    }
    expect(parseIsoDateTime('2026-07-01T14:00:00', 'Not/AZone')).toBeNull();
  });
});
