// Bundles the server (our TypeScript only; packages stay in node_modules and are imported from
// there) into one ES module run by plain Node: no TypeScript loader thread in the serving
// process. Used by `npm start`, the test suites that run the server as a process, and bench/.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Writes the bundle to `outfile` (under the project, so that its packages resolve) and returns its path. */
export async function buildServer(outfile = path.join(ROOT, 'dist-server', 'main.mjs')) {
  await build({
    entryPoints: [path.join(ROOT, 'server', 'main.ts')],
    outfile,
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
