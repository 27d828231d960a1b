// Draws the add-in's icons (assets/icon-16.png ... icon-80.png): a three-tier customer pyramid,
// the product's picture of itself. Pure node (zlib for the PNG's deflate stream), so a fresh clone
// can redraw them without image tools:
//   npx ts-node --transpile-only -P tsconfig.node.json scripts/draw-icons.ts

import { writeFileSync } from "fs";
import { join } from "path";
import { deflateSync } from "zlib";

type Rgba = [number, number, number, number];

/** Tier colours top to bottom (A, B, C): Office's green, blue and grey families. */
const TIER_COLOURS: Rgba[] = [
  [16, 124, 16, 255],
  [0, 120, 212, 255],
  [96, 94, 92, 255],
];

const SIZES = [16, 32, 64, 80];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Encodes an RGBA raster as a PNG file (colour type 6, 8 bits, no filtering).
 * @example encodePng(1, 1, Buffer.from([255, 0, 0, 255])).subarray(16, 24) // width 1, height 1
 */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter "none" for every scanline
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * Draws the pyramid at `size` px: three stacked bands, each narrower than the one below, with a
 * one-pixel-per-16 gap so the tiers stay distinct at 16 px. Edges are anti-aliased by coverage.
 * @example drawPyramid(16).length // 16 * 16 * 4 = 1024 bytes
 */
export function drawPyramid(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const margin = size / 16;
  const gap = Math.max(1, Math.round(size / 16));
  const bandHeight = (size - 2 * margin - 2 * gap) / 3;
  const apexX = size / 2;
  const baseHalf = size / 2 - margin;
  const height = size - 2 * margin;
  // Sub-sampling 4×4 per pixel gives smooth slanted edges without a drawing library.
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const hits = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          const depth = py - margin; // 0 at the apex, `height` at the base
          if (depth < 0 || depth > height) continue;
          if (Math.abs(px - apexX) > (baseHalf * depth) / height) continue;
          const band = Math.floor(depth / (bandHeight + gap));
          const within = depth - band * (bandHeight + gap);
          if (band < 3 && within <= bandHeight) hits[band]++;
        }
      }
      const total = hits[0] + hits[1] + hits[2];
      if (total === 0) continue;
      const band = hits.indexOf(Math.max(...hits));
      const [r, g, b] = TIER_COLOURS[band];
      const offset = (y * size + x) * 4;
      pixels[offset] = r;
      pixels[offset + 1] = g;
      pixels[offset + 2] = b;
      pixels[offset + 3] = Math.round((255 * total) / (samples * samples));
    }
  }
  return pixels;
}

if (require.main === module) {
  const assets = join(__dirname, "..", "assets");
  for (const size of SIZES) {
    const file = join(assets, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawPyramid(size)));
    console.log(`wrote ${file}`);
  }
}
