// `node --import ./moduleTrace.mjs …` (or NODE_OPTIONS): records the modules a process loads into
// MODULE_TRACE_FILE, one URL per line: the ES modules it resolves, and the CommonJS files it
// requires (test/integration/firstUse.test.ts reads what the server bundle loads from
// node_modules).
import fs from 'node:fs'
import Module, { register } from 'node:module'
import { pathToFileURL } from 'node:url'

const traceFile = process.env.MODULE_TRACE_FILE
if (traceFile) {
  register(new URL('./moduleTraceHooks.mjs', import.meta.url))
  const load = Module._load
  Module._load = function (request, parent, isMain) {
    if (!request.startsWith('node:') && !Module.isBuiltin(request)) {
      try {
        fs.appendFileSync(traceFile, `${pathToFileURL(Module._resolveFilename(request, parent, isMain)).href}\n`)
      } catch {
        // Not resolvable: the load itself throws its own error below.
      }
    }
    return load.apply(this, arguments)
  }
}
