// Bundles the server into one ES module run by plain Node: no TypeScript loader thread in the
// serving process. Our TypeScript and the pure-JavaScript packages the server loads at start
// are bundled (BUNDLED); every other package stays in node_modules and is imported from there.
// Used by `npm start` (run as a script: builds the default bundle and prints its path), the test
// suites that run the server as a process, and bench/.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Packages bundled with our code. Node keeps a module record, its source and its linking for
 * every file an ES module graph loads: zod alone is 226 files, hono 58, lib0 68. As a few
 * bundled chunks, an empty server's RSS is ≈ 5 MiB smaller and its heap 3 MiB (issue 18,
 * bench/emptyRss.ts). Not bundled: native code (better-sqlite3), what loads only when
 * configured or first used (pg, ioredis, openid-client, d3, tldraw's schema), and pino and
 * prom-client, which find files of their own at run time (no gain measured either; prom-client's
 * metric classes are required from their own files, server/promClient.ts).
 */
const BUNDLED = new Set(['zod', 'hono', '@hono/node-server', '@hono/node-ws', 'ws', 'yjs', 'lib0', 'y-protocols', 'papaparse', 'markdown-table'])
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')

/** Bundled packages are imported as what they are; the others stay imports from node_modules. */
const bundledPackages = {
  name: 'bundled-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.has(packageOf(args.path)) && !args.path.startsWith('node:') ? undefined : { external: true }))
    // zod's namespace re-exports its 40-odd translations of its messages (≈ 280 KB of source);
    // the server uses none of them (its English messages come with zod's core).
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'empty' } : undefined))
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {}' }))
  },
}

/**
 * Writes the bundle of `entry` (the server's, by default) to `outfile` (under the project, so
 * that its packages resolve) and returns its path. Code split: what the server imports only
 * when configured (PostgreSQL, Redis) is a chunk of its own, loaded with its packages only
 * then. The folder is emptied first.
 */
export async function buildServer(outfile = path.join(ROOT, 'dist-server', 'start', 'main.mjs'), entry = path.join(ROOT, 'server', 'main.ts')) {
  const outdir = path.dirname(outfile)
  fs.rmSync(outdir, { recursive: true, force: true })
  await build({
    entryPoints: { [path.basename(outfile, '.mjs')]: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [bundledPackages],
    // CommonJS packages bundled into an ES module (ws) still call require() for Node's modules.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    // Whitespace and syntax only, names kept: Node keeps every module's source in memory.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    sourcemap: true,
    logLevel: 'warning',
  })
  return outfile
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(await buildServer())
}
