// Who is on the other end of a request. X-Forwarded-For and X-Forwarded-Proto are claims
// anyone can send, so they count only when the socket's peer is a proxy the operator
// listed in VIGIL_TRUSTED_PROXIES (none by default, loopback included: a process on the
// same machine is not necessarily our proxy). server.ts resolves the address once per
// request and hands it to Next in an internal header that it always overwrites; the app
// reads it only through clientIp() / requestIp(), never from the forwarded headers.
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';

export const CLIENT_IP_HEADER = 'x-vigil-client-ip';
export const CLIENT_PROTO_HEADER = 'x-vigil-client-proto';

type HeaderValue = string | string[] | undefined;

/** A bare IP address (v4, or v6 without brackets, port or zone), v4-mapped v6 as v4; or null. */
export function normaliseIp(raw: string | undefined | null): string | null {
  let s = (raw ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(s);
  if (v4WithPort) s = v4WithPort[1]!;
  s = s.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s);
  if (mapped) s = mapped[1]!;
  return isIP(s) ? s.toLowerCase() : null;
}

/** VIGIL_TRUSTED_PROXIES (comma-separated addresses and CIDRs) as a matcher; throws on a bad entry. */
export function parseTrustedProxies(list: string | undefined): BlockList {
  const trusted = new BlockList();
  for (const entry of (list ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [addr, prefix, extra] = entry.split('/');
    const ip = normaliseIp(addr);
    const family = ip && isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    const bits = prefix === undefined ? null : Number(prefix);
    if (
      !ip ||
      extra !== undefined ||
      (bits !== null && (!/^\d+$/.test(prefix!) || bits > (family === 'ipv6' ? 128 : 32)))
    ) {
      throw new Error(`"${entry}" is not an IP address or CIDR range.`);
    }
    if (bits === null) trusted.addAddress(ip, family);
    else trusted.addSubnet(ip, bits, family);
  }
  return trusted;
}

const isTrusted = (ip: string, trusted: BlockList) => trusted.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');

const listOf = (value: HeaderValue): string[] =>
  (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

export type ClientInput = {
  remoteAddress: string | undefined;
  encrypted?: boolean;
  forwardedFor?: HeaderValue;
  forwardedProto?: HeaderValue;
};

/**
 * The client's address and scheme. From an untrusted peer: the socket's own. From a trusted
 * proxy: walk X-Forwarded-For from the right (each proxy appends the address it saw),
 * skipping trusted proxies; the first other address is the client. Entries further left
 * were written by the client itself and are never believed.
 */
export function resolveClient(input: ClientInput, trusted: BlockList): { ip: string | null; proto: 'http' | 'https' } {
  const peer = normaliseIp(input.remoteAddress);
  const socketProto = input.encrypted ? 'https' : 'http';
  if (!peer || !isTrusted(peer, trusted)) return { ip: peer, proto: socketProto };

  let client = peer;
  for (const entry of listOf(input.forwardedFor).reverse()) {
    const ip = normaliseIp(entry);
    // Garbage in the chain: the last proxy we trust is as close to the client as we can tell.
    if (!ip) break;
    client = ip;
    if (!isTrusted(ip, trusted)) break;
  }
  // The nearest proxy's word on the scheme is the rightmost value.
  const claimed = listOf(input.forwardedProto).pop()?.toLowerCase();
  const proto = input.encrypted || claimed === 'https' ? 'https' : 'http';
  return { ip: client, proto };
}

/**
 * For server.ts, before Next sees the request: set the internal client headers (replacing
 * anything a client sent under those names) and, when the peer is not a trusted proxy,
 * drop the forwarded headers it sent so nothing downstream (Next, Auth.js) believes them.
 */
export function applyClientHeaders(
  headers: Record<string, HeaderValue>,
  socket: { remoteAddress: string | undefined; encrypted?: boolean },
  trusted: BlockList,
): void {
  const peer = normaliseIp(socket.remoteAddress);
  const { ip, proto } = resolveClient(
    { ...socket, forwardedFor: headers['x-forwarded-for'], forwardedProto: headers['x-forwarded-proto'] },
    trusted,
  );
  if (!peer || !isTrusted(peer, trusted)) {
    for (const name of ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip']) delete headers[name];
  }
  if (ip) headers[CLIENT_IP_HEADER] = ip;
  else delete headers[CLIENT_IP_HEADER];
  headers[CLIENT_PROTO_HEADER] = proto;
}

const parsed = new Map<string, BlockList>();

/** applyClientHeaders for a Node request, with the proxies listed in VIGIL_TRUSTED_PROXIES (validated by lib/env at start). */
export function setClientHeaders(req: IncomingMessage, trustedProxies: string | undefined): void {
  let configured = parsed.get(trustedProxies ?? '');
  if (!configured) parsed.set(trustedProxies ?? '', (configured = parseTrustedProxies(trustedProxies)));
  applyClientHeaders(
    req.headers,
    { remoteAddress: req.socket.remoteAddress, encrypted: (req.socket as Partial<TLSSocket>).encrypted === true },
    configured,
  );
}

/** The client's address in a route handler (as resolved by server.ts), or null. */
export const clientIp = (req: Request): string | null => req.headers.get(CLIENT_IP_HEADER);

/** Whether the client reached us over https (directly, or through a trusted proxy that says so). */
export const clientUsedHttps = (req: Request): boolean => req.headers.get(CLIENT_PROTO_HEADER) === 'https';
