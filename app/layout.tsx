import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ServiceWorkerRegistration } from '@/components/pwa/service-worker-registration';
import { DemoBanner } from '@/components/shell/demo-banner';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Vigil', template: '%s · Vigil' },
  description: 'Retail crime reporting and loss prevention',
  manifest: '/manifest.webmanifest',
  icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
  appleWebApp: { capable: true, title: 'Vigil', statusBarStyle: 'default' },
};

export const viewport: Viewport = { themeColor: '#0b5757', width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the Content-Security-Policy nonce (proxy.ts) is new each
  // time and Next.js can only put it on its scripts while rendering; static HTML would carry none.
  await connection();
  return (
    <html lang="en-GB">
      <body>
        <DemoBanner />
        {children}
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
