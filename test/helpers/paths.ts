import fs from 'node:fs'
import path from 'node:path'

/** The server bundle (scripts/buildServer.mjs) that test/globalSetup.ts builds and server-process tests run. */
export const TEST_SERVER_BUNDLE = path.resolve('dist-server/test/main.mjs')

/** The built client's hashed assets (test/globalSetup.ts builds the client). */
export const CLIENT_ASSETS_DIR = path.resolve('dist', 'assets')

/** The name of the built asset matching `pattern` (e.g. `/^IBMPlexMono-Bold-[\w-]+\.woff2$/`); throws when there is none. */
export function builtAsset(pattern: RegExp): string {
  const file = fs.readdirSync(CLIENT_ASSETS_DIR).find((f) => pattern.test(f))
  if (!file) throw new Error(`no asset matching ${pattern} in dist/assets`)
  return file
}
