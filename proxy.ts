// Coarse request shaping only: pages learn their own path (for the sign-in redirect's
// callbackUrl) and every page gets its Content-Security-Policy (a fresh nonce per page,
// which Next.js reads from the request header and puts on its own scripts) and HSTS when
// served over TLS. Authorisation happens in each page and lib/ verb.
//
// Not /api: Next tees a request body for the proxy, and a body nobody reads there is held
// in memory whole, which would undo the streaming size limits (lib/http/read-json.ts).
// API responses get their fixed policy from next.config.ts instead.
import { type NextRequest, NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { CLIENT_PROTO_HEADER } from '@/lib/http/client-address';
import { createNonce, HSTS_VALUE, pageContentSecurityPolicy, wantsHsts } from '@/lib/http/security-headers';

export function proxy(req: NextRequest) {
  // The scheme server.ts worked out, believing X-Forwarded-Proto only from trusted proxies.
  const protocol = req.headers.get(CLIENT_PROTO_HEADER) ?? req.nextUrl.protocol;
  const https = wantsHsts(env.VIGIL_PUBLIC_URL, protocol);
  const headers = new Headers(req.headers);
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    host: req.headers.get('host') ?? req.nextUrl.host,
    https,
    mapbox: !!env.MAPBOX_TOKEN,
    dev: env.NODE_ENV === 'development',
  });
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  headers.set('x-vigil-path', req.nextUrl.pathname + req.nextUrl.search);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', policy);
  if (https) res.headers.set('strict-transport-security', HSTS_VALUE);
  return res;
}

// Pages only: not /api (see above), the build's static files or the public folder's (the
// next.config.ts headers cover those; HSTS seen on any page applies to the whole host).
export const config = { matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icons/|manifest.webmanifest|sw.js).*)'] };
