/** `npm start` entry: serves until SIGTERM/SIGINT, then flushes every board and exits. */
import v8 from 'node:v8'

// Start-up allocates a lot that lives on (the code of every package, schemas, routes), which
// makes V8 grow its young generation to 2 × 16 MiB on the way; that space then stays resident,
// ≈15 MiB of an empty server's RSS (issue 18). V8's memory-saving mode keeps it small while the
// server starts; serving then runs in the default mode (it costs ≈15% CPU per message when left
// on), where the young generation grows again only under load. Start-up also runs without
// V8's optimizing compiler: what it would optimize then (building schemas and routes) runs once,
// and its compilations left ≈ 3 MiB resident (issue 18, ninth session). Functions that get hot
// while serving are optimized as before, start-up's included. Not when a flag was given.
const startupFlag = !process.execArgv.some((arg) => /^--(no-)?(optimize[-_]for[-_]size|turbofan|opt)$/.test(arg))
if (startupFlag) v8.setFlagsFromString('--optimize-for-size --no-turbofan')

const { createLogger } = await import('./logger.js')
const { startServer } = await import('./server.js')

const logger = createLogger()

try {
  const server = await startServer({}, { logger })
  if (startupFlag) v8.setFlagsFromString('--no-optimize-for-size --turbofan')
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: flushing boards')
    server
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: String(error) }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  console.log(`Workshop canvas: open ${server.url}`)
} catch (error) {
  logger.fatal({ err: error instanceof Error ? error.message : String(error) }, 'could not start')
  process.exit(1)
}
