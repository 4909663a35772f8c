// Evidence files live on disk, content-addressed by SHA-256 under the data directory,
// so a replayed upload never makes a second copy and a file's name proves its content.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';
import type { VerifiedPhoto } from './photos';

export const evidenceDir = () => path.resolve(env.VIGIL_EVIDENCE_DIR ?? path.join(env.VIGIL_DATA_DIR, 'evidence'));

export const storageKeyOf = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`;

export const evidencePath = (storageKey: string) => {
  if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(storageKey)) throw new Error(`Bad evidence storage key ${storageKey}`);
  return path.join(evidenceDir(), storageKey);
};

/** Writes the photo unless an identical file is already stored; says whether this call created it. */
export async function writeEvidenceFile(photo: VerifiedPhoto): Promise<{ storageKey: string; created: boolean }> {
  const storageKey = storageKeyOf(photo.sha256);
  const target = evidencePath(storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  try {
    await fs.access(target);
    return { storageKey, created: false };
  } catch {
    // Write then rename: a crash mid-write never leaves a half file under the real name.
    const tmp = `${target}.${randomUUID()}.tmp`;
    await fs.writeFile(tmp, photo.bytes, { mode: 0o600 });
    await fs.rename(tmp, target);
    return { storageKey, created: true };
  }
}

export async function removeEvidenceFiles(storageKeys: string[]): Promise<void> {
  await Promise.all(storageKeys.map((k) => fs.rm(evidencePath(k), { force: true })));
}

export const readEvidenceFile = (storageKey: string) => fs.readFile(evidencePath(storageKey));
