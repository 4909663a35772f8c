import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/support/chromium';

// `npm test` (scripts/test.ts) creates a fresh database and passes it here.
// E2E_PORT / E2E_MQTT_PORT let two e2e runs share a machine.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error('Run the browser tests through `npm test`, which prepares E2E_DATABASE_URL.');
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
// pwa.spec.ts's stand-in push service listens here; the server accepts it as a push endpoint
// only because VIGIL_PUSH_ALLOWED_ORIGINS names it (real endpoints must be https on a public name).
export const E2E_PUSH_STUB_PORT = E2E_PORT + 11;
const pushStubOrigin = `http://127.0.0.1:${E2E_PUSH_STUB_PORT}`;

export { CHROMIUM_ARGS };

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // A stray test.only must fail the run, not quietly skip everything else.
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'off',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS } } }],
  webServer: {
    command: 'node --import tsx scripts/start.ts',
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { DATABASE_URL: databaseUrl, PORT: String(E2E_PORT), VIGIL_DEMO: '1', VIGIL_MQTT_PORT: process.env.E2E_MQTT_PORT ?? '1885', MQTT_URL: '', VIGIL_INGEST_RATE: '10', VIGIL_PUSH_ALLOWED_ORIGINS: pushStubOrigin },
  },
});
