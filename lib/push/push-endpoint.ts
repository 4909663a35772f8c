// Which push endpoints we will POST to. The server sends to whatever URL a browser
// registered, so without these rules any signed-in person could point it at a service on
// our own network (SSRF). Browsers' push services are all https on public names, so
// those are the only endpoints accepted; VIGIL_PUSH_ALLOWED_ORIGINS lists exceptions for
// a local push stub in tests and development.
import { isIP } from 'node:net';

// Names that never reach the public internet: special-use (RFC 6761, 6762, 8375), ICANN's
// .internal, and the suffixes home and office networks commonly use.
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.lan', '.intranet'];

/** VIGIL_PUSH_ALLOWED_ORIGINS as origins (`scheme://host[:port]`); throws on an entry that is not one. */
export function parseAllowedOrigins(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((entry) => {
      let origin: string | null = null;
      try {
        origin = new URL(entry).origin;
      } catch {
        // reported below
      }
      if (!origin || origin === 'null')
        throw new Error(`"${entry}" is not an origin such as https://push.example.test:8443.`);
      return origin;
    });
}

/** Why this endpoint is refused, or null when we may send to it. */
export function pushEndpointProblem(endpoint: string, allowedOrigins: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'Push endpoints must be URLs';
  }
  if (allowedOrigins.includes(url.origin)) return null;
  if (url.protocol !== 'https:') return 'Push endpoints must use https';
  // The URL parser has already turned 2130706433, 0x7f.1 and friends into dotted quads.
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (isIP(host)) return 'Push endpoints must use a host name, not an IP address';
  if (host === 'localhost' || !host.includes('.') || LOCAL_SUFFIXES.some((s) => host.endsWith(s)))
    return 'Push endpoints must be on a public host name';
  return null;
}
