// The browser-facing security headers: the per-request Content-Security-Policy of pages
// (set by proxy.ts, whose nonce Next.js puts on its own scripts), the fixed policy of API
// responses, and when to send HSTS. Pure functions, so proxy.ts stays a few lines and the
// policy can be tested without a server. The headers that never vary (nosniff, framing,
// referrer, permissions) are in next.config.ts, which also covers static files.

/** Mapbox's hosts, allowed only when MAPBOX_TOKEN makes the store map use mapbox-gl. */
const MAPBOX_HOSTS = ['https://api.mapbox.com', 'https://events.mapbox.com', 'https://*.tiles.mapbox.com'];

export type PagePolicyInput = {
  nonce: string;
  /** host[:port] the page was requested on, for the socket.io websocket. */
  host: string;
  https: boolean;
  mapbox: boolean;
  dev: boolean;
};

/** A fresh, unguessable nonce for one response (base64 of 16 random bytes). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function pageContentSecurityPolicy({ nonce, host, https, mapbox, dev }: PagePolicyInput): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic' lets Next's nonce-carrying loader pull in the page's chunks, and nothing
    // else runs; dev needs eval for React's error overlays.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // <style> and stylesheets: our own (Tailwind's CSS file, the map libraries' CSS) and Next's nonced ones.
    'style-src': ["'self'", `'nonce-${nonce}'`, ...(dev ? ["'unsafe-inline'"] : [])],
    // style="" attributes that React renders on the server (bar widths, chart sizes, colour
    // swatches) cannot carry a nonce; they can only restyle, never run code.
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    // socket.io on the same origin; 'self' covers ws(s): in current browsers, the host is for older ones.
    'connect-src': ["'self'", `${https ? 'wss' : 'ws'}://${host}`, ...(mapbox ? MAPBOX_HOSTS : [])],
    // The service worker (/sw.js) and maplibre's worker (/insights/map-worker); mapbox-gl
    // starts its worker from a blob: URL.
    'worker-src': ["'self'", ...(mapbox ? ['blob:'] : [])],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`);
  if (https) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

/** API responses are data, never documents: nothing may load from or frame them. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/**
 * HSTS only where Vigil is served over TLS: its public URL is https, or this request came in
 * over https (directly or through a proxy that says so). Browsers ignore it over plain HTTP,
 * so a forged X-Forwarded-Proto cannot pin anything.
 */
export function wantsHsts(publicUrl: string | undefined, requestProtocol: string | null | undefined): boolean {
  if (publicUrl?.toLowerCase().startsWith('https:')) return true;
  return requestProtocol?.split(',')[0]?.trim().replace(/:$/, '').toLowerCase() === 'https';
}
