// Module hooks (registered by moduleTrace.mjs): appends every URL the process resolves to the
// file named by MODULE_TRACE_FILE, one per line.
import fs from 'node:fs'

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  fs.appendFileSync(process.env.MODULE_TRACE_FILE, `${resolved.url}\n`)
  return resolved
}
