// Bundles the server (our TypeScript only; packages stay in node_modules and are imported from
// there) into one ES module run by plain Node: no TypeScript loader thread in the serving
// process. Used by `npm start` (run as a script: builds the default bundle and prints its path),
// the test suites that run the server as a process, and bench/.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Writes the bundle to `outfile` (under the project, so that its packages resolve) and returns
 * its path. Code split: what the server imports only when configured (PostgreSQL, Redis) is a
 * chunk of its own, loaded with its packages only then. The folder is emptied first.
 */
export async function buildServer(outfile = path.join(ROOT, 'dist-server', 'start', 'main.mjs')) {
  const outdir = path.dirname(outfile)
  fs.rmSync(outdir, { recursive: true, force: true })
  await build({
    entryPoints: { [path.basename(outfile, '.mjs')]: path.join(ROOT, 'server', 'main.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
  return outfile
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(await buildServer())
}
