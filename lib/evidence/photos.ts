// Photos arrive already resized on the phone (≤ 1600 px JPEG); the server still trusts
// nothing: it sniffs the real type from the bytes, caps the size and recomputes the
// SHA-256 the client claimed, so what is stored is provably what was sent.
import { createHash } from 'node:crypto';
import { Invalid } from '@/lib/errors';
import { PayloadTooLarge } from '@/lib/http/read-json';

export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';
export type VerifiedPhoto = { bytes: Buffer; sha256: string; mime: PhotoMime };

/** The image type the bytes really are (magic numbers), whatever the upload claimed. */
export function sniffImageType(bytes: Uint8Array): PhotoMime | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export const sha256OfBytes = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function verifyPhoto(bytes: Buffer, claimedSha256: string | undefined, index: number): VerifiedPhoto {
  const path = `photos.${index}`;
  if (bytes.length === 0) throw new Invalid(`Photo ${index + 1} is empty.`, [{ path, message: 'Empty file' }]);
  if (bytes.length > MAX_PHOTO_BYTES) throw new PayloadTooLarge(MAX_PHOTO_BYTES);
  const mime = sniffImageType(bytes);
  if (!mime) throw new Invalid(`Photo ${index + 1} is not a picture. Attach a JPEG, PNG or WebP photo.`, [{ path, message: 'Not an image' }]);
  const sha256 = sha256OfBytes(bytes);
  if (!claimedSha256 || !/^[0-9a-f]{64}$/i.test(claimedSha256)) {
    throw new Invalid(`Photo ${index + 1} came without its SHA-256 checksum.`, [{ path, message: 'Missing checksum' }]);
  }
  if (claimedSha256.toLowerCase() !== sha256) {
    throw new Invalid(`Photo ${index + 1} was damaged on the way (its checksum does not match). Send the report again.`, [{ path, message: 'Checksum mismatch' }]);
  }
  return { bytes, sha256, mime };
}
