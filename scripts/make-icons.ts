// Draws the app icons (public/icons/*.png) from code, so they need no design tool:
// a white watchful eye on Vigil teal, full-bleed so the same image is maskable.
// Run once after changing the design: `node --import tsx scripts/make-icons.ts`.
import fs from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x0b, 0x57, 0x57];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage of the white mark at (x, y) in unit coordinates centred on 0. */
function mark(x: number, y: number): boolean {
  // An eye: the intersection of two circles (the lids), minus a ring gap, plus the pupil.
  const upper = Math.hypot(x, y - 0.32) < 0.5;
  const lower = Math.hypot(x, y + 0.32) < 0.5;
  const r = Math.hypot(x, y);
  const eye = upper && lower;
  const gap = r > 0.13 && r < 0.19;
  return (eye && !gap) || r < 0.1;
}

function icon(size: number): Buffer {
  const ss = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const x = ((px + (sx + 0.5) / ss) / size - 0.5) * 1.6;
          const y = ((py + (sy + 0.5) / ss) / size - 0.5) * 1.6;
          if (mark(x, y)) hits++;
        }
      const a = hits / (ss * ss);
      for (let c = 0; c < 3; c++) row[1 + px * 3 + c] = Math.round(BRAND[c]! * (1 - a) + 255 * a);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

fs.mkdirSync('public/icons', { recursive: true });
for (const size of [192, 512]) fs.writeFileSync(`public/icons/icon-${size}.png`, icon(size));
fs.writeFileSync('public/icons/apple-touch-icon.png', icon(180));
console.log('icons written to public/icons');
