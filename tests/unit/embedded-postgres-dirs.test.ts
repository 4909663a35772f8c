// The embedded cluster's directory outside the checkout (used when we run as root and
// the `postgres` user cannot reach .data) sits in a shared temp dir under a predictable
// name: it must be created private to the database's OS user, and a directory someone
// else planted there first must never be used.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterDir, ensurePrivateDir } from '@/lib/runtime/embedded-postgres';

const isRoot = process.getuid?.() === 0;
const idOf = (user: string, flag: '-u' | '-g') => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
const hasUser = (user: string) => {
  try {
    idOf(user, '-u');
    return true;
  } catch {
    return false;
  }
};
const mode = (p: string) => fs.statSync(p).mode & 0o777;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-dirs-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('ensurePrivateDir', () => {
  it('creates the directory with mode 0700 whatever the umask, owned by the given user', () => {
    const dir = path.join(tmp, 'cluster');
    const old = process.umask(0);
    try {
      ensurePrivateDir(dir, { uid: process.getuid!(), gid: process.getgid!() });
    } finally {
      process.umask(old);
    }
    expect(mode(dir)).toBe(0o700);
    expect(fs.statSync(dir).uid).toBe(process.getuid!());
  });

  it('tightens an existing directory of its owner to 0700', () => {
    const dir = path.join(tmp, 'cluster');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    ensurePrivateDir(dir, { uid: process.getuid!(), gid: process.getgid!() });
    expect(mode(dir)).toBe(0o700);
  });

  it('refuses a symlink planted in its place', () => {
    const target = path.join(tmp, 'elsewhere');
    fs.mkdirSync(target);
    const dir = path.join(tmp, 'cluster');
    fs.symlinkSync(target, dir);
    expect(() => ensurePrivateDir(dir, { uid: process.getuid!(), gid: process.getgid!() })).toThrow(
      /not a directory we created/,
    );
  });

  it.runIf(isRoot && hasUser('nobody'))('refuses a directory someone else created first', () => {
    const dir = path.join(tmp, 'cluster');
    fs.mkdirSync(dir, { mode: 0o777 });
    fs.chownSync(dir, idOf('nobody', '-u'), idOf('nobody', '-g'));
    expect(() => ensurePrivateDir(dir, { uid: 0, gid: 0 })).toThrow(/owned by another user/);
  });
});

describe.runIf(isRoot && hasUser('postgres'))(
  'clusterDir as root, for a checkout the postgres user cannot reach',
  () => {
    it('is a fresh 0700 directory under the temp root, owned by postgres, linked from <data>/pg', () => {
      // mkdtemp made `tmp` 0700 and root's: the postgres user cannot enter it.
      const dataDir = path.join(tmp, 'data');
      fs.mkdirSync(dataDir);
      const tmpRoot = path.join(tmp, 'shared-tmp');
      fs.mkdirSync(tmpRoot, { mode: 0o1777 });
      const dir = clusterDir(dataDir, tmpRoot);
      expect(path.dirname(dir)).toBe(tmpRoot);
      expect(mode(dir)).toBe(0o700);
      expect(fs.statSync(dir).uid).toBe(idOf('postgres', '-u'));
      expect(fs.realpathSync(path.join(dataDir, 'pg'))).toBe(dir);
      // A second start finds its own directory and is happy with it.
      expect(clusterDir(dataDir, tmpRoot)).toBe(dir);
    });
  },
);
