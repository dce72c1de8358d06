import { createLogger, type Logger } from '../../../server/logger.js'

/** The server's own logger configuration, writing into memory. */
export function captureLogs(level = 'debug'): { logger: Logger; text: () => string; entries: () => Array<Record<string, unknown>> } {
  const lines: string[] = []
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) })
  return {
    logger,
    text: () => lines.join(''),
    entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  }
}
