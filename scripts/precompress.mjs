/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the built
 * client, once at build time, so the server sends them without compressing per request
 * (server/http/clientRoutes.ts picks one by Accept-Encoding). Used as a Vite plugin
 * (vite.config.ts) or alone: `node scripts/precompress.mjs dist`.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|wasm|map)$/
/** Below this, compression saves less than a packet. */
const MIN_BYTES = 1024

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else if (COMPRESSIBLE.test(entry.name)) yield full
  }
}

/** Compresses every eligible file under `dir`; returns how many files were compressed. */
export function precompressDir(dir) {
  let count = 0
  for (const file of files(dir)) {
    const data = fs.readFileSync(file)
    if (data.byteLength < MIN_BYTES) continue
    const br = zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength },
    })
    const gz = zlib.gzipSync(data, { level: 9 })
    // Only where it pays: an already-compressed file stays as it is.
    if (br.byteLength < data.byteLength) fs.writeFileSync(`${file}.br`, br)
    if (gz.byteLength < data.byteLength) fs.writeFileSync(`${file}.gz`, gz)
    count++
  }
  return count
}

/** Vite plugin: precompresses the output directory once the bundle is written. */
export function precompress() {
  let outDir = 'dist'
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      precompressDir(outDir)
    },
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const dir = process.argv[2] ?? 'dist'
  console.log(`precompressed ${precompressDir(dir)} files in ${dir}`)
}
