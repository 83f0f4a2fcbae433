/**
 * Draws the add-in's icons (a white check mark on Excel green, rounded corners) as PNG files at the sizes the
 * manifest names: 16, 32, 64, 80, 128. Pure Node (zlib): run with `npm run icons`; the PNGs are committed.
 */
import { writeFileSync } from 'fs';
import path from 'path';
import { deflateSync } from 'zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Distance from point p to segment ab. */
function dist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function icon(size: number): Buffer {
  const s = size / 64;
  const samples = 4;
  return png(size, (x, y) => {
    let inside = 0;
    let white = 0;
    for (let i = 0; i < samples; i++) {
      for (let j = 0; j < samples; j++) {
        const u = (x + (i + 0.5) / samples) / s;
        const v = (y + (j + 0.5) / samples) / s;
        // rounded square 4..60 with radius 8
        const cx = Math.min(Math.max(u, 12), 52);
        const cy = Math.min(Math.max(v, 12), 52);
        if (Math.hypot(u - cx, v - cy) <= 8 && u >= 4 && u <= 60 && v >= 4 && v <= 60) {
          inside++;
          if (Math.min(dist(u, v, 16, 34, 26, 44), dist(u, v, 26, 44, 48, 20)) <= 3.5) white++;
        }
      }
    }
    const n = samples * samples;
    if (!inside) return [0, 0, 0, 0];
    const w = white / inside;
    const mix = (a: number, b: number): number => Math.round(a * (1 - w) + b * w);
    return [mix(0x21, 255), mix(0x73, 255), mix(0x46, 255), Math.round((inside / n) * 255)];
  });
}

export const ICON_SIZES = [16, 32, 64, 80, 128];

if (require.main === module) {
  const dir = path.resolve(__dirname, '../../assets');
  for (const size of ICON_SIZES) writeFileSync(path.join(dir, `icon-${size}.png`), icon(size));
  process.stdout.write(`wrote ${ICON_SIZES.map((s) => `assets/icon-${s}.png`).join(', ')}\n`);
}
