import { describe, expect, it } from 'vitest';
import { createNonce, pageContentSecurityPolicy, wantsHsts } from '@/lib/http/security-headers';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('pageContentSecurityPolicy', () => {
  const base = { nonce: 'abc123', host: 'vigil.test:3000', https: false, mapbox: false, dev: false };

  it('runs only nonce-carrying scripts and forbids framing, plugins, base and form hijacks', () => {
    const d = directives(pageContentSecurityPolicy(base));
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('style-src')).not.toContain("'unsafe-inline'");
    expect(d.has('upgrade-insecure-requests')).toBe(false);
  });

  it('reaches Mapbox only when the map uses it', () => {
    const without = directives(pageContentSecurityPolicy(base));
    expect(without.get('connect-src')).toEqual(["'self'", 'ws://vigil.test:3000']);
    expect(without.get('worker-src')).toEqual(["'self'"]);
    const withMapbox = directives(pageContentSecurityPolicy({ ...base, mapbox: true, https: true }));
    expect(withMapbox.get('connect-src')).toContain('https://api.mapbox.com');
    expect(withMapbox.get('connect-src')).toContain('wss://vigil.test:3000');
    expect(withMapbox.get('worker-src')).toContain('blob:');
    expect(withMapbox.has('upgrade-insecure-requests')).toBe(true);
  });

  it('makes a different nonce each time', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});

describe('wantsHsts', () => {
  it('is on when the public URL or the request is https, off for plain http', () => {
    expect(wantsHsts('https://vigil.example.com', 'http:')).toBe(true);
    expect(wantsHsts(undefined, 'https')).toBe(true);
    expect(wantsHsts(undefined, 'https, http')).toBe(true);
    expect(wantsHsts(undefined, 'https:')).toBe(true);
    expect(wantsHsts('http://localhost:3000', 'http:')).toBe(false);
    expect(wantsHsts(undefined, null)).toBe(false);
  });
});
