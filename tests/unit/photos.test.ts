import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Invalid } from '@/lib/errors';
import { MAX_PHOTO_BYTES, sha256OfBytes, sniffImageType, verifyPhoto } from '@/lib/evidence/photos';
import { PayloadTooLarge } from '@/lib/http/read-json';

const PNG = readFileSync(path.join(process.cwd(), 'public/icons/icon-192.png'));
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(18)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
};

describe('sniffImageType', () => {
  it('tells the real type from the bytes', () => {
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(WEBP)).toBe('image/webp');
  });

  it('does not take a PDF, another RIFF file, an empty or truncated file for a picture', () => {
    expect(sniffImageType(PDF)).toBeNull();
    expect(sniffImageType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(PNG.subarray(0, 7))).toBeNull();
  });
});

describe('verifyPhoto', () => {
  it('accepts a real PNG with its SHA-256, in either letter case', () => {
    const sha = sha256OfBytes(PNG);
    expect(verifyPhoto(PNG, sha, 0)).toEqual({ bytes: PNG, sha256: sha, mime: 'image/png' });
    expect(verifyPhoto(PNG, sha.toUpperCase(), 0).sha256).toBe(sha);
  });

  it('goes by the bytes, not by what the upload claimed to be', () => {
    expect(verifyPhoto(JPEG, sha256OfBytes(JPEG), 0).mime).toBe('image/jpeg');
    expect(verifyPhoto(WEBP, sha256OfBytes(WEBP), 0).mime).toBe('image/webp');
  });

  it('refuses a file that is not a picture, naming which photo', () => {
    const error = refusal(() => verifyPhoto(PDF, sha256OfBytes(PDF), 2));
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toBe('Photo 3 is not a picture. Attach a JPEG, PNG or WebP photo.');
    expect((error as Invalid).issues).toEqual([{ path: 'photos.2', message: 'Not an image' }]);
  });

  it('refuses an empty file', () => {
    const error = refusal(() => verifyPhoto(Buffer.alloc(0), sha256OfBytes(Buffer.alloc(0)), 0));
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toMatch(/Photo 1 is empty/);
  });

  it('refuses a photo over the size limit with 413, and accepts one exactly at it', () => {
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 1);
    JPEG.copy(big);
    const error = refusal(() => verifyPhoto(big, sha256OfBytes(big), 0));
    expect(error).toBeInstanceOf(PayloadTooLarge);
    expect((error as PayloadTooLarge).status).toBe(413);

    const limit = big.subarray(0, MAX_PHOTO_BYTES);
    expect(verifyPhoto(limit, sha256OfBytes(limit), 0).mime).toBe('image/jpeg');
  });

  it('refuses a photo damaged on the way (checksum mismatch)', () => {
    const damaged = Buffer.from(PNG);
    damaged[damaged.length - 20] = damaged[damaged.length - 20]! ^ 0xff;
    const error = refusal(() => verifyPhoto(damaged, sha256OfBytes(PNG), 0));
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toMatch(/checksum does not match/);
    expect((error as Invalid).issues).toEqual([{ path: 'photos.0', message: 'Checksum mismatch' }]);
  });

  it('refuses a photo without its checksum, or with something that is not a SHA-256', () => {
    for (const claimed of [undefined, '', 'abc', 'z'.repeat(64), `${sha256OfBytes(PNG)}0`]) {
      const error = refusal(() => verifyPhoto(PNG, claimed, 0));
      expect(error, String(claimed)).toBeInstanceOf(Invalid);
      expect((error as Invalid).issues).toEqual([{ path: 'photos.0', message: 'Missing checksum' }]);
    }
  });
});
