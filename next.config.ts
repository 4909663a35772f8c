import type { NextConfig } from 'next';
import { API_CONTENT_SECURITY_POLICY } from './lib/http/security-headers';

// Headers that never vary, on every response including static files and /api. The
// pages' Content-Security-Policy (a nonce per page) and HSTS (only over TLS) are set in proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Photos come from <input type=file capture>, which opens the phone's camera app and needs no
  // permission; nothing uses the camera, microphone or location directly. Copying an API key does.
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), display-capture=(), clipboard-read=(), clipboard-write=(self)',
  },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'postgres', 'pg', 'pg-boss'],
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // API responses are data, never documents: nothing may load, run or frame them.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
