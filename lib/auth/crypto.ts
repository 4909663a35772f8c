// AES-256-GCM for secrets we must read back (MFA seeds). Format: v1.<iv>.<tag>.<ciphertext>, base64url.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { requireEnv } from '@/lib/env';

function key(): Buffer {
  const raw = Buffer.from(requireEnv('VIGIL_ENCRYPTION_KEY'), 'base64');
  return raw.length === 32 ? raw : createHash('sha256').update(raw).digest();
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('Unreadable sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** For API keys and share tokens: we only ever need to compare, never to read back. */
export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
