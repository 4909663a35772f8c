// Signed audit anchor files (see anchor-audit-log.ts). HMAC-SHA256 under a key derived
// (HKDF) from VIGIL_ENCRYPTION_KEY, not AUTH_SECRET: rotating AUTH_SECRET is the ordinary
// way to end every session and must not void the anchors, while VIGIL_ENCRYPTION_KEY
// already can't change without re-encrypting MFA secrets.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { env, requireEnv } from '@/lib/env';
import { canonicalJson } from './record-audit';

export type Anchor = { v: 1; chainId: string; seq: number; hash: string; rows: number; at: string };

export const anchorDir = () =>
  path.resolve(env.VIGIL_AUDIT_ANCHOR_DIR ?? path.join(env.VIGIL_DATA_DIR, 'audit-anchors'));

function anchorKey(): Buffer {
  return Buffer.from(hkdfSync('sha256', requireEnv('VIGIL_ENCRYPTION_KEY'), 'vigil', 'audit-anchor v1', 32));
}

const mac = (anchor: Anchor) => createHmac('sha256', anchorKey()).update(canonicalJson(anchor)).digest('hex');

export async function writeAnchorFile(dir: string, anchor: Anchor): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${anchor.chainId}.${anchor.at.replace(/[:.]/g, '-')}.${anchor.seq}.json`);
  // Written whole then renamed, so a crash never leaves half a file to be read as invalid.
  await fs.writeFile(`${file}.tmp`, `${JSON.stringify({ ...anchor, mac: mac(anchor) })}\n`, { mode: 0o640 });
  await fs.rename(`${file}.tmp`, file);
  return file;
}

function parseAnchor(text: string): Anchor | null {
  try {
    const raw = JSON.parse(text) as Partial<Anchor> & { mac?: unknown };
    if (
      raw.v !== 1 ||
      typeof raw.chainId !== 'string' ||
      typeof raw.seq !== 'number' ||
      typeof raw.hash !== 'string' ||
      typeof raw.rows !== 'number' ||
      typeof raw.at !== 'string' ||
      typeof raw.mac !== 'string'
    )
      return null;
    const anchor: Anchor = { v: 1, chainId: raw.chainId, seq: raw.seq, hash: raw.hash, rows: raw.rows, at: raw.at };
    const expected = Buffer.from(mac(anchor), 'hex');
    const given = Buffer.from(raw.mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected) ? anchor : null;
  } catch {
    return null;
  }
}

/** The anchor with the most rows among this chain's validly signed files; unsigned or altered files are ignored. */
export async function newestAnchor(dir: string, chainId: string): Promise<Anchor | null> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let best: Anchor | null = null;
  for (const name of names.filter((n) => n.startsWith(`${chainId}.`) && n.endsWith('.json'))) {
    const anchor = parseAnchor(await fs.readFile(path.join(dir, name), 'utf8').catch(() => ''));
    if (anchor && anchor.chainId === chainId && (!best || anchor.rows > best.rows)) best = anchor;
  }
  return best;
}
