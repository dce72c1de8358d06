import path from 'node:path'

/** The server bundle (scripts/buildServer.mjs) that test/globalSetup.ts builds and server-process tests run. */
export const TEST_SERVER_BUNDLE = path.resolve('dist-server/test/main.mjs')
