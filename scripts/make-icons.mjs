// Draws the PackYourBag app icons (a backpack in front of two mountains) by pixel
// math and writes them as PNGs, because the repository has no image tool to depend on.
// Run `node scripts/make-icons.mjs`; the output is committed, so run it again only
// when the artwork changes. client/public/favicon.svg is the same artwork drawn by hand.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'client', 'public');

// Colours shared with the manifest's theme_color and favicon.svg.
const SKY = [0x1f, 0x5c, 0x45];
const MOUNTAIN = [0x15, 0x45, 0x33];
const SNOW = [0xe6, 0xef, 0xe9];
const PACK = [0xf2, 0x9b, 0x38];
const FLAP = [0xd9, 0x7a, 0x1e];
const POCKET = [0xe3, 0x88, 0x2a];
const STRAP = [0x7a, 0x3e, 0x0c];

// ---- shapes: predicates over art coordinates, where the icon is the unit square ----

function roundRect(x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hw = (x1 - x0) / 2 - r;
  const hh = (y1 - y0) / 2 - r;
  return (x, y) => {
    const dx = Math.max(Math.abs(x - cx) - hw, 0);
    const dy = Math.max(Math.abs(y - cy) - hh, 0);
    return Math.abs(x - cx) <= hw + r && Math.abs(y - cy) <= hh + r && dx * dx + dy * dy <= r * r;
  };
}

function triangle(ax, ay, bx, by, cx, cy) {
  const side = (px, py, qx, qy, x, y) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
const both = (a, b) => (x, y) => a(x, y) && b(x, y);

// A snow cap is the part of a peak above a zigzag line.
function snowCap(peak, top, depth) {
  return both(peak, (x, y) => y < top + depth + 0.025 * Math.sin(x * 60));
}

// ---- the artwork: layers from back to front; the first one that covers a point paints it ----

const bigPeak = triangle(0.24, 0.3, -0.35, 1.3, 0.83, 1.3);
const smallPeak = triangle(0.8, 0.42, 0.3, 1.3, 1.35, 1.3);
const handleOuter = roundRect(0.4, 0.1, 0.6, 0.3, 0.07);
const handleInner = roundRect(0.44, 0.14, 0.56, 0.3, 0.035);

const layers = [
  // front to back, so the lookup can stop at the first hit
  [STRAP, roundRect(0.37, 0.41, 0.41, 0.55, 0.012)],
  [STRAP, roundRect(0.59, 0.41, 0.63, 0.55, 0.012)],
  [SNOW, triangle(0.5, 0.6, 0.41, 0.73, 0.59, 0.73)],
  [POCKET, roundRect(0.33, 0.56, 0.67, 0.8, 0.06)],
  [FLAP, roundRect(0.27, 0.22, 0.73, 0.45, 0.11)],
  [PACK, roundRect(0.27, 0.22, 0.73, 0.86, 0.11)],
  [STRAP, minus(handleOuter, handleInner)],
  [SNOW, snowCap(smallPeak, 0.42, 0.09)],
  [MOUNTAIN, smallPeak],
  [SNOW, snowCap(bigPeak, 0.3, 0.11)],
  [MOUNTAIN, bigPeak],
];

function artColor(x, y) {
  for (const [color, inside] of layers) if (inside(x, y)) return color;
  return SKY;
}

// ---- rendering ----

/**
 * @param {number} size pixels per side
 * @param {{ scale: number, mask: ((x: number, y: number) => boolean) | null }} options
 *   scale shrinks the artwork about the centre; mask limits the painted area (null = full bleed)
 */
function render(size, { scale, mask }) {
  const samples = 4; // 4x4 supersampling for smooth edges
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (px + (sx + 0.5) / samples) / size;
          const v = (py + (sy + 0.5) / samples) / size;
          if (mask && !mask(u, v)) continue;
          const c = artColor(0.5 + (u - 0.5) / scale, 0.5 + (v - 0.5) / scale);
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        // Straight (not premultiplied) alpha, as PNG expects.
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
      }
      rgba[i + 3] = Math.round((255 * covered) / samples ** 2);
    }
  }
  return rgba;
}

// ---- PNG encoding (RFC 2083): signature, IHDR, IDAT, IEND, each chunk with a CRC-32 ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods stay 0
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None for every scanline
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- the files ----

// "any" icons: a rounded square with transparent corners, the art nearly edge to edge.
const tile = roundRect(0, 0, 1, 1, 0.2);
// Maskable and Apple icons are cropped by the platform, so they fill the square and keep
// the art inside the central 80% safe zone (a circle of radius 0.4): at 0.78 the pack's
// farthest corner sits about 0.33 from the centre.
const fullBleed = { scale: 0.78, mask: null };

const icons = [
  ['icons/icon-192.png', 192, { scale: 1, mask: tile }],
  ['icons/icon-512.png', 512, { scale: 1, mask: tile }],
  ['icons/icon-maskable-512.png', 512, fullBleed],
  // iOS rounds the corners itself but keeps the rest, so its icon can fill more.
  ['icons/apple-touch-icon.png', 180, { scale: 0.9, mask: null }],
];

for (const [file, size, options] of icons) {
  const path = join(publicDir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodePng(size, render(size, options)));
  console.log(`wrote ${path}`);
}
