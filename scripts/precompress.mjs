// Writes brotli (quality 11) and gzip (level 9) copies next to the site's bundle files, so the
// server sends them as they are (leptos_axum serves `<file>.br` / `<file>.gz` when the browser
// accepts them) instead of compressing on the fly at a lower level.
// Usage: node scripts/precompress.mjs <site root>      (run by `make build`)
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = process.argv[2];
if (!root) {
  console.error('usage: precompress.mjs <site root>');
  process.exit(2);
}
const compressible = /\.(wasm|js|css|svg|txt)$/;
let before = 0;
let after = 0;
for (const dir of ['pkg', 'vendor'].map((d) => path.join(root, d))) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    continue;
  }
  for (const name of names.filter((n) => compressible.test(n))) {
    const file = path.join(dir, name);
    if (!statSync(file).isFile()) continue;
    const data = readFileSync(file);
    const br = zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
    before += data.length;
    after += br.length;
    if (name.endsWith('.wasm')) console.log(`precompressed ${name}: ${data.length} bytes, ${br.length} as brotli`);
  }
}
console.log(`precompressed the site: ${before} bytes, ${after} as brotli`);
