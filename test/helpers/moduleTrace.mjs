// `node --import ./moduleTrace.mjs …` (or NODE_OPTIONS): records the ES modules a process
// resolves into MODULE_TRACE_FILE (test/integration/firstUse.test.ts reads what the server
// bundle imports from node_modules).
import { register } from 'node:module'

if (process.env.MODULE_TRACE_FILE) register(new URL('./moduleTraceHooks.mjs', import.meta.url))
