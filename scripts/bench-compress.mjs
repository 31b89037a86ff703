#!/usr/bin/env node
// Transfer sizes for the benchmarks (`make bench`): prints, as one JSON
// array, each file's raw size and its size compressed as a static host
// would precompress it: gzip level 9 and brotli quality 11.
//
//   node scripts/bench-compress.mjs FILE...
import { readFileSync } from "node:fs";
import { constants, brotliCompressSync, gzipSync } from "node:zlib";

const out = process.argv.slice(2).map((file) => {
  const bytes = readFileSync(file);
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli.length };
});
process.stdout.write(JSON.stringify(out) + "\n");
