/** `npm start` entry: serves until SIGTERM/SIGINT, then flushes every board and exits. */
import { createLogger } from './logger.js'
import { startServer } from './server.js'

const logger = createLogger()

try {
  const server = await startServer({}, { logger })
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
