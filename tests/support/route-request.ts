// Calls an app-router route handler the way Next does: inside a request scope, so
// headers(), cookies() and auth() work, with the caller's Request (and its real, streaming
// body) passed through. Next's internals are used because it ships no public test harness
// for route handlers; setup-env.ts installs the AsyncLocalStorage they need.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external';
import { createRequestStoreForAPI } from 'next/dist/server/async-storage/request-store';
import { createWorkStore } from 'next/dist/server/async-storage/work-store';
import { NextRequest } from 'next/server';
import { requireEnv } from '@/lib/env';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers differ in their second argument
type Handler = (req: NextRequest, ctx: any) => Promise<Response>;

export async function callRoute(handler: Handler, req: Request, ctx?: unknown): Promise<Response> {
  const url = new URL(req.url);
  // What Next's own server adds before a handler runs (Auth.js reads them to name its cookies).
  const headers = new Headers(req.headers);
  if (!headers.has('host')) headers.set('host', url.host);
  if (!headers.has('x-forwarded-proto')) headers.set('x-forwarded-proto', url.protocol.replace(':', ''));
  const nextReq = new NextRequest(url, {
    method: req.method,
    headers,
    body: req.body,
    duplex: 'half',
  } as ConstructorParameters<typeof NextRequest>[1]);
  const requestStore = createRequestStoreForAPI(
    nextReq,
    { pathname: url.pathname, search: url.search },
    { tags: [], expirationsByCacheKind: new Map() } as never,
    undefined,
    { previewModeId: '', previewModeEncryptionKey: '', previewModeSigningKey: '' },
    undefined,
  );
  const workStore = createWorkStore({
    page: url.pathname,
    renderOpts: { experimental: {} },
    buildId: 'test',
    previouslyRevalidatedTags: [],
  } as never);
  return workUnitAsyncStorage.run(requestStore, () => workAsyncStorage.run(workStore, () => handler(nextReq, ctx)));
}

/** A cookie header carrying a session for this user, as Auth.js sets it after sign-in over http. */
export async function sessionCookie(userId: string): Promise<string> {
  const name = 'authjs.session-token';
  // Every real session carries a session id (`sid`), so a signed-out one can be refused.
  const token = await encode({ token: { sub: userId, sid: randomUUID() }, secret: requireEnv('AUTH_SECRET'), salt: name, maxAge: 3600 });
  return `${name}=${token}`;
}
