// Draws images/icon.png (128×128): a report page with ruled lines and a check mark on red.
// Pure Node (zlib + CRC), so the icon can be regenerated on any machine: npx tsx scripts/make-icon.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = new Uint8Array(N * N * 4);
type RGBA = [number, number, number, number];
const set = (x: number, y: number, [r, g, b, a]: RGBA) => {
  if (x < 0 || y < 0 || x >= N || y >= N) return;
  const i = (y * N + x) * 4;
  px.set([r, g, b, a], i);
};
const rect = (x0: number, y0: number, x1: number, y1: number, c: RGBA) => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(x, y, c);
};
const RED: RGBA = [200, 16, 46, 255];
const PAGE: RGBA = [255, 250, 240, 255];
const LINE: RGBA = [150, 150, 150, 255];
const GOLD: RGBA = [255, 196, 0, 255];

// Rounded red tile.
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const dx = Math.max(0, Math.abs(x - 63.5) - 44);
    const dy = Math.max(0, Math.abs(y - 63.5) - 44);
    if (dx * dx + dy * dy <= 20 * 20) set(x, y, RED);
  }
}
rect(30, 18, 98, 110, PAGE);
rect(38, 28, 90, 36, RED); // title bar
for (let i = 0; i < 5; i++) rect(38, 46 + i * 11, i === 4 ? 66 : 90, 50 + i * 11, LINE);
// Check mark.
for (let t = 0; t <= 1; t += 0.002) {
  const pts: [number, number][] = [
    [64 + t * 10, 88 + t * 10],
    [74 + t * 22, 98 - t * 26],
  ];
  for (const [x, y] of pts) for (let a = -3; a <= 3; a++) for (let b = -3; b <= 3; b++) if (a * a + b * b <= 9) set(Math.round(x + a), Math.round(y + b), GOLD);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw)),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(join(__dirname, '..', 'images', 'icon.png'), png);
