import pino from 'pino'

export type Logger = pino.Logger

/**
 * Structured JSON logs (stdout unless a destination is given, e.g. a test capturing them).
 * Tokens are never logged: the redact list is a second line.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: ['token', '*.token', 'req.headers.authorization'], censor: '[redacted]' },
  }
  return destination ? pino(options, destination) : pino(options)
}
