// Draws the app icon: a warm rounded square with three rising white columns, the steps of continuous improvement
// on a kanban board. Writes build/icon.png (512x512, for electron-builder) and renderer/public/favicon.png (64x64,
// the browser tab in the harness). Pure Node (zlib), 4x4 supersampled edges.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;

/** Signed-distance style test: is (x, y) inside the rounded rectangle? */
function inRoundedRect(x, y, { x0, y0, x1, y1, r }) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const background = { x0: 32, y0: 32, x1: 480, y1: 480, r: 104 };
const columns = [
  { x0: 110, y0: 292, x1: 190, y1: 404, r: 20 },
  { x0: 216, y0: 222, x1: 296, y1: 404, r: 20 },
  { x0: 322, y0: 142, x1: 402, y1: 404, r: 20 },
];
// A thin card line on each column, in the background colour, so the columns read as kanban lists.
const cards = columns.map((c) => ({ x0: c.x0 + 16, y0: c.y0 + 22, x1: c.x1 - 16, y1: c.y0 + 38, r: 8 }));

const top = [244, 140, 62];
const bottom = [212, 78, 42];
const white = [255, 250, 242];

function colourAt(x, y) {
  if (!inRoundedRect(x, y, background)) return null;
  const t = (y - background.y0) / (background.y1 - background.y0);
  const bg = top.map((c, i) => Math.round(c + (bottom[i] - c) * t));
  if (cards.some((card) => inRoundedRect(x, y, card))) return bg;
  if (columns.some((col) => inRoundedRect(x, y, col))) return white;
  return bg;
}

function render(size) {
  const scale = SIZE / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        pixels[o] = Math.round(r / covered);
        pixels[o + 1] = Math.round(g / covered);
        pixels[o + 2] = Math.round(b / covered);
        pixels[o + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(pixels, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    pixels.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const [file, size] of [
  [path.join(root, 'build', 'icon.png'), SIZE],
  [path.join(root, 'renderer', 'public', 'favicon.png'), 64],
]) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, encodePng(render(size), size, size));
  console.error(`Wrote ${path.relative(root, file)}`);
}
