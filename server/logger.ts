import { createHash } from 'node:crypto'
import pino from 'pino'

export type Logger = pino.Logger

/** `/private/<id>` anywhere in a string (a doc key, a Redis channel, an error message). */
const PRIVATE_ID = /\/private\/([A-Za-z0-9_-]+)/g
/** A secret in a query string (`token=…`, `credential=…`). */
const SECRET_PARAM = /\b(token|credential)=[^&\s"']+/gi

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8)
}

/**
 * A doc key fit for a log line (SPEC R16): a private doc's id is a capability, so
 * `<board>/private/<id>` becomes `<board>/private/#<first 8 hex of the SHA-256 of the id>`.
 * Board and control keys are unchanged.
 */
export function redactDocKey(docKey: string): string {
  return redactText(docKey)
}

/** Private-doc ids and query-string secrets of a text, replaced (see redactDocKey). */
export function redactText(text: string): string {
  return text.replace(PRIVATE_ID, (_match, id: string) => `/private/#${shortHash(id)}`).replace(SECRET_PARAM, '$1=[redacted]')
}

/**
 * Applied to the fields of every log call: strings are scrubbed of private-doc ids and query
 * secrets, so a `docKey`, a `channel` or an error message that carries one is redacted wherever
 * it is logged, without every caller remembering to.
 */
export function redactLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) out[key] = typeof value === 'string' ? redactText(value) : value
  return out
}

/**
 * Structured JSON logs (stdout unless a destination is given, e.g. a test capturing them).
 * Tokens and credentials are never logged: fields named so are censored, and every string field
 * is scrubbed (redactLogFields).
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: ['token', '*.token', 'credential', '*.credential', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
    formatters: { log: redactLogFields },
    hooks: {
      // The message text is scrubbed too (a message built from a path or an error).
      logMethod(args, method) {
        const redacted = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg))
        // map() loses the tuple type of the arguments (a message first): the same values, re-typed.
        method.apply(this, redacted as Parameters<typeof method>)
      },
    },
  }
  return destination ? pino(options, destination) : pino(options)
}
