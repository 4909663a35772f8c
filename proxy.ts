// Coarse request shaping only: pages learn their own path (for the sign-in
// redirect's callbackUrl). Authorisation happens in each page and lib/ verb.
import { type NextRequest, NextResponse } from 'next/server';

export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set('x-vigil-path', req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!api|_next/|favicon.ico|icons/|manifest.webmanifest|sw.js).*)'] };
