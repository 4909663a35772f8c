// Sign-ins for the e2e suite, shared by every Playwright worker process. A TOTP code
// works once per user (each 30 s step at most once), so MFA sign-ins take their steps
// from one allocator, and API sessions are made once per person and reused.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { totpCode } from '@/lib/auth/totp';

const STEP_MS = 30_000;
const run = createHash('sha256')
  .update(`${process.env.E2E_DATABASE_URL ?? ''}|${process.env.E2E_PORT ?? ''}`)
  .digest('hex')
  .slice(0, 16);
const DIR = path.join(os.tmpdir(), 'vigil-e2e-sessions', run);
fs.mkdirSync(DIR, { recursive: true, mode: 0o700 });

const file = (name: string) => path.join(DIR, name.replace(/[^a-z0-9@._-]/gi, '_'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` while holding a lock file, across processes. */
export async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const lock = file(`${name}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}`);
      await sleep(50);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/**
 * A code for a step nobody has used for this person yet. The server accepts the
 * previous, current and next step, so up to three sign-ins fit in one step; beyond
 * that this waits for the clock.
 */
export async function freshTotpCode(email: string, secret: string): Promise<string> {
  return withLock(`totp-${email}`, async () => {
    const stepFile = file(`${email}.step`);
    const last = fs.existsSync(stepFile) ? Number(fs.readFileSync(stepFile, 'utf8')) : -Infinity;
    const now = Math.floor(Date.now() / STEP_MS);
    const step = Math.max(last + 1, now - 1);
    // Valid once the clock is at most one step behind it; leave a second's margin.
    const validFrom = (step - 1) * STEP_MS + 1000;
    if (Date.now() < validFrom) await sleep(validFrom - Date.now());
    fs.writeFileSync(stepFile, String(step));
    return totpCode(secret, step * STEP_MS);
  });
}

/** A value made once per run and shared by every worker (e.g. a person's session cookies). */
export async function sharedOnce<T>(key: string, make: () => Promise<T>): Promise<T> {
  return withLock(`once-${key}`, async () => {
    const cached = file(`${key}.json`);
    if (fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, 'utf8')) as T;
    const value = await make();
    fs.writeFileSync(cached, JSON.stringify(value), { mode: 0o600 });
    return value;
  });
}

/**
 * Runs `fn` (a client that computes its own codes for the current step, like the shared
 * contract smoke test) at a moment when the current step is unused for every one of
 * these people, and records it as used afterwards.
 */
export async function withCurrentStepFree<T>(emails: string[], fn: () => Promise<T>): Promise<T> {
  const sorted = [...emails].sort();
  const hold = async (i: number): Promise<T> => {
    if (i < sorted.length) return withLock(`totp-${sorted[i]}`, () => hold(i + 1));
    const stepFile = (email: string) => file(`${email}.step`);
    const lastUsed = Math.max(
      ...sorted.map((e) => (fs.existsSync(stepFile(e)) ? Number(fs.readFileSync(stepFile(e), 'utf8')) : -Infinity)),
    );
    // Start early in a fresh step so the client's codes don't straddle a step boundary.
    for (;;) {
      const now = Math.floor(Date.now() / STEP_MS);
      const intoStep = Date.now() - now * STEP_MS;
      if (now > lastUsed && intoStep < STEP_MS / 2) break;
      await sleep(500);
    }
    try {
      return await fn();
    } finally {
      const used = String(Math.floor(Date.now() / STEP_MS));
      for (const e of sorted) fs.writeFileSync(stepFile(e), used);
    }
  };
  return hold(0);
}
