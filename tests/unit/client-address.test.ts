import { describe, expect, it } from 'vitest';
import {
  applyClientHeaders,
  CLIENT_IP_HEADER,
  CLIENT_PROTO_HEADER,
  parseTrustedProxies,
  resolveClient,
} from '@/lib/http/client-address';

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies('10.0.0.0/8, 192.0.2.10, 2001:db8::/32, ::1');

describe('resolveClient', () => {
  it('uses the socket address and ignores X-Forwarded-For when no proxy is trusted (the default, loopback included)', () => {
    expect(resolveClient({ remoteAddress: '203.0.113.9', forwardedFor: '1.2.3.4' }, none)).toEqual({
      ip: '203.0.113.9',
      proto: 'http',
    });
    expect(
      resolveClient({ remoteAddress: '127.0.0.1', forwardedFor: '1.2.3.4', forwardedProto: 'https' }, none),
    ).toEqual({ ip: '127.0.0.1', proto: 'http' });
  });

  it('ignores a spoofed X-Forwarded-For and X-Forwarded-Proto from a peer that is not a trusted proxy', () => {
    expect(
      resolveClient({ remoteAddress: '198.51.100.7', forwardedFor: '10.1.1.1', forwardedProto: 'https' }, proxies),
    ).toEqual({ ip: '198.51.100.7', proto: 'http' });
  });

  it('walks a trusted chain from the right to the first address that is not a trusted proxy', () => {
    // The client put 6.6.6.6 in front itself; the trusted proxies appended the real client and each other.
    expect(
      resolveClient(
        { remoteAddress: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.50, 192.0.2.10', forwardedProto: 'https' },
        proxies,
      ),
    ).toEqual({
      ip: '203.0.113.50',
      proto: 'https',
    });
    // Several header lines count as one list.
    expect(
      resolveClient({ remoteAddress: '10.0.0.2', forwardedFor: ['6.6.6.6', '203.0.113.51, 10.9.9.9'] }, proxies).ip,
    ).toBe('203.0.113.51');
  });

  it('stops at an entry that is not an address, answering with the proxy that passed it on', () => {
    expect(
      resolveClient({ remoteAddress: '10.0.0.2', forwardedFor: '203.0.113.50, bogus, 10.0.0.3' }, proxies).ip,
    ).toBe('10.0.0.3');
  });

  it('answers with the leftmost address when every hop is a trusted proxy, and the peer when there is no header', () => {
    expect(resolveClient({ remoteAddress: '10.0.0.2', forwardedFor: '10.0.0.5, 10.0.0.4' }, proxies).ip).toBe(
      '10.0.0.5',
    );
    expect(resolveClient({ remoteAddress: '10.0.0.2' }, proxies).ip).toBe('10.0.0.2');
  });

  it('handles IPv6 peers, chains and CIDRs', () => {
    expect(
      resolveClient(
        { remoteAddress: '2001:db8::1', forwardedFor: '2001:db8:ffff::2, 2a00:1450::5, 2001:db8::9' },
        proxies,
      ).ip,
    ).toBe('2a00:1450::5');
    expect(resolveClient({ remoteAddress: '::1', forwardedFor: '2a00:1450::5' }, proxies).ip).toBe('2a00:1450::5');
    expect(resolveClient({ remoteAddress: '2a00:1450::7', forwardedFor: '2a00:1450::5' }, proxies).ip).toBe(
      '2a00:1450::7',
    );
    // A bracketed entry (some proxies write them) is still an address.
    expect(resolveClient({ remoteAddress: '::1', forwardedFor: '[2a00:1450::6]' }, proxies).ip).toBe('2a00:1450::6');
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(
      resolveClient({ remoteAddress: '::ffff:10.0.0.2', forwardedFor: '::ffff:203.0.113.8, ::ffff:10.0.0.3' }, proxies)
        .ip,
    ).toBe('203.0.113.8');
    expect(resolveClient({ remoteAddress: '::ffff:127.0.0.1', forwardedFor: '1.2.3.4' }, none).ip).toBe('127.0.0.1');
  });

  it('reports https for a TLS socket whatever the headers say', () => {
    expect(resolveClient({ remoteAddress: '203.0.113.9', encrypted: true, forwardedProto: 'http' }, none).proto).toBe(
      'https',
    );
  });

  it('takes the proto the nearest trusted proxy set when several are listed', () => {
    expect(resolveClient({ remoteAddress: '10.0.0.2', forwardedProto: 'https, http' }, proxies).proto).toBe('http');
  });
});

describe('parseTrustedProxies', () => {
  it('refuses an entry that is neither an address nor a CIDR, naming it', () => {
    expect(() => parseTrustedProxies('10.0.0.0/8, proxy.internal')).toThrow(/proxy\.internal/);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
  });
});

describe('applyClientHeaders', () => {
  it('overwrites a client-sent internal header and drops forwarded headers from an untrusted peer', () => {
    const headers: Record<string, string | string[] | undefined> = {
      [CLIENT_IP_HEADER]: '6.6.6.6',
      [CLIENT_PROTO_HEADER]: 'https',
      'x-forwarded-for': '6.6.6.6',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'evil.example',
      'x-real-ip': '6.6.6.6',
      host: 'vigil.example',
    };
    applyClientHeaders(headers, { remoteAddress: '198.51.100.7' }, none);
    expect(headers).toEqual({
      [CLIENT_IP_HEADER]: '198.51.100.7',
      [CLIENT_PROTO_HEADER]: 'http',
      host: 'vigil.example',
    });
  });

  it('keeps a trusted proxy’s forwarded headers and names the client behind it', () => {
    const headers: Record<string, string | string[] | undefined> = {
      'x-forwarded-for': '203.0.113.50',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'vigil.example',
    };
    applyClientHeaders(headers, { remoteAddress: '10.0.0.2' }, proxies);
    expect(headers).toMatchObject({
      [CLIENT_IP_HEADER]: '203.0.113.50',
      [CLIENT_PROTO_HEADER]: 'https',
      'x-forwarded-host': 'vigil.example',
    });
  });

  it('leaves no client address at all when the socket has none (it has already closed)', () => {
    const headers: Record<string, string | string[] | undefined> = { [CLIENT_IP_HEADER]: '6.6.6.6' };
    applyClientHeaders(headers, { remoteAddress: undefined }, none);
    expect(headers[CLIENT_IP_HEADER]).toBeUndefined();
  });
});
