import pino from 'pino'

export type Logger = pino.Logger

/** Structured JSON logs. Tokens are never logged: the redact list is a second line. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    redact: { paths: ['token', '*.token', 'req.headers.authorization'], censor: '[redacted]' },
  })
}
