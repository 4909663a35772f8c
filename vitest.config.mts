import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    // A stray .only must fail the run, not quietly skip everything else.
    allowOnly: false,
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup-env.ts'],
          // One database for the run; files run one at a time so counts stay predictable.
          fileParallelism: false,
          testTimeout: 20_000,
          // Auth.js imports `next/server` without an extension, which Node's ESM loader refuses.
          server: { deps: { inline: ['next-auth', '@auth/core'] } },
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
