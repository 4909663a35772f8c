// The shared public-contract smoke test (DESIGN.md §11), run against this build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MFA_USERS } from './helpers';
import { withCurrentStepFree } from './sessions';
import { expect, test } from './fixtures';

const smoke = path.resolve('..', 'shared', 'tools', 'contract-smoke.mjs');

test('the public contract smoke test passes', async ({ baseURL }) => {
  test.skip(!fs.existsSync(smoke), 'shared/tools/contract-smoke.mjs is not beside this checkout');
  // The smoke test signs each MFA person in with the current step's code, which works once:
  // run it when no other test has used that step for them.
  const mfa = [...MFA_USERS].map((local) => `${local}@demo.vigil`);
  const out = await withCurrentStepFree(mfa, async () =>
    execFileSync(process.execPath, [smoke, baseURL!], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    }),
  );
  expect(out).toContain('contract smoke: all passed');
});
