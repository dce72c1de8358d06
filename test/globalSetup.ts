// Builds the client once when it is missing or stale, so browser tests serve what `npm start` serves,
// and the server bundle that server-process tests run (as `npm start` runs it).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { TEST_SERVER_BUNDLE } from './helpers/paths.js'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}


export default async function setup(): Promise<void> {
  const { buildServer } = (await import(path.resolve('scripts/buildServer.mjs'))) as { buildServer(outfile?: string): Promise<string> }
  await buildServer(TEST_SERVER_BUNDLE)
  buildClient()
}

function buildClient(): void {
  const built = path.resolve('dist/index.html')
  const sources = Math.max(newestMtime(path.resolve('client')), newestMtime(path.resolve('shared')))
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return
  // vitest sets NODE_ENV=test, which would make Vite build React's development bundle.
  const result = spawnSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  // A broken client build must not stop the server suites; the browser suites then fail on
  // their own (no dist/, or a stale one, which is said loudly here).
  if (result.status !== 0) console.error('\n*** CLIENT BUILD FAILED: browser tests will fail or run a stale build ***\n')
}
