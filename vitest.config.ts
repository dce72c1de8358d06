import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Test files of one worker share its module cache: importing the server, Yjs and tldraw's
    // schema once per worker instead of once per file took 160 s of the suite's CPU (700-716 s
    // against 770 s, in file order and shuffled; docs/DECISIONS.md). Each file still starts its own
    // servers, databases and browser.
    isolate: false,
    globalSetup: ['test/globalSetup.ts'],
  },
})
