// `npm start`: builds the client when it is missing or older than its sources, then serves
// everything from one process.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

const built = path.join(root, 'dist', 'index.html')
const sources = Math.max(newestMtime(path.join(root, 'client')), newestMtime(path.join(root, 'shared')))
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  console.log('Building the client…')
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  const result = spawnSync(process.execPath, [vite, 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

// The server is bundled and run as plain JavaScript (scripts/buildServer.mjs): no TypeScript
// loader thread in the serving process (≈40 MiB of RSS). The bundle is rebuilt on every start
// (≈50 ms), so it is never stale, by a child process: esbuild's service (≈40 MiB) and its code
// are not kept alive beside the server. Source maps are not enabled (Node would keep the 1 MB
// map in the heap, issue 18): `NODE_OPTIONS=--enable-source-maps npm start` maps stack traces.
const bundle = spawnSync(process.execPath, [path.join(root, 'scripts', 'buildServer.mjs')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
if (bundle.status !== 0) process.exit(bundle.status ?? 1)
await import(pathToFileURL(bundle.stdout.trim()).href)
