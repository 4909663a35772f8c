// Coarse request shaping only: pages learn their own path (for the sign-in redirect's
// callbackUrl) and every page and API response gets its Content-Security-Policy (a fresh
// nonce per page, which Next.js reads from the request header and puts on its own scripts)
// and HSTS when served over TLS. Authorisation happens in each page and lib/ verb.
import { type NextRequest, NextResponse } from 'next/server';
import { env } from '@/lib/env';
import {
  API_CONTENT_SECURITY_POLICY,
  createNonce,
  HSTS_VALUE,
  pageContentSecurityPolicy,
  wantsHsts,
} from '@/lib/http/security-headers';

export function proxy(req: NextRequest) {
  const protocol = req.headers.get('x-forwarded-proto') ?? req.nextUrl.protocol;
  const https = wantsHsts(env.VIGIL_PUBLIC_URL, protocol);
  const isApi = req.nextUrl.pathname.startsWith('/api/');
  const headers = new Headers(req.headers);
  let policy = API_CONTENT_SECURITY_POLICY;
  if (!isApi) {
    const nonce = createNonce();
    policy = pageContentSecurityPolicy({
      nonce,
      host: req.headers.get('host') ?? req.nextUrl.host,
      https,
      mapbox: !!env.MAPBOX_TOKEN,
      dev: env.NODE_ENV === 'development',
    });
    headers.set('x-nonce', nonce);
    headers.set('content-security-policy', policy);
    headers.set('x-vigil-path', req.nextUrl.pathname + req.nextUrl.search);
  }
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', policy);
  if (https) res.headers.set('strict-transport-security', HSTS_VALUE);
  return res;
}

// Everything but the build's static files and the public folder's (the next.config.ts
// headers cover those; HSTS seen on any page or API response applies to the whole host).
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|icons/|manifest.webmanifest|sw.js).*)'] };
