/**
 * Settings from the environment, each with its unit in the name and a default that works on a
 * laptop (`npm start` with nothing set).
 */
import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_MAX_MESSAGE_BYTES } from '../shared/protocol.js'

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const ConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATA_DIR: z.string().default('./data'),
  /** SQLite commit durability: NORMAL survives a process crash, FULL also a power loss (slower). */
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  /** Prefix of every Redis channel, so several deployments (or test runs) can share one Redis. */
  REDIS_PREFIX: z.string().default('canvas:'),
  PUBLIC_URL: z.string().url().optional(),
  ADMIN_TOKEN: z.string().min(16).optional(),
  MAX_MESSAGE_BYTES: int(DEFAULT_MAX_MESSAGE_BYTES),
  MAX_BOARD_BYTES: int(64 * 1024 * 1024),
  MAX_PRESENCE_BYTES: int(64 * 1024),
  MAX_PRESENCES_PER_CONNECTION: int(4),
  MAX_MESSAGES_PER_SECOND: int(200),
  MAX_CONNECTIONS_PER_BOARD: int(500),
  MAX_CONNECTIONS_PER_IP: int(200),
  MAX_HTTP_BODY_BYTES: int(4 * 1024 * 1024),
  BOARD_CREATIONS_PER_IP_PER_MINUTE: int(30),
  /** Largest custom template file, saved or imported (SPEC L10). */
  MAX_TEMPLATE_BYTES: int(1024 * 1024),
  COMPACT_AFTER_UPDATES: int(500),
  KEEPALIVE_INTERVAL_MS: int(30_000),
  /** A loaded doc nobody has written or read for this long sleeps as its encoded state (0: never). */
  ROOM_SLEEP_AFTER_MS: int(30_000),
  /** Longest stretch of the event loop one slice of putting docs to sleep may take. */
  ROOM_SLEEP_SLICE_MS: int(20),
  /** An automatic version at most this often while a board is edited. */
  AUTOSAVE_INTERVAL_MS: int(10 * 60_000),
  CLIENT_DIST_DIR: z.string().default('dist'),
  /** Sign-in with OpenID Connect (optional, SPEC R17): the provider's issuer URL... */
  OIDC_ISSUER: z.string().url().optional(),
  /** ...this server's client id and secret there... */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** ...and the email domains that may sign in (comma-separated; empty: any account of the provider). */
  OIDC_ALLOWED_DOMAINS: z.string().optional(),
})

export type Config = z.infer<typeof ConfigSchema>

/** Parses settings; a bad value stops start-up with a message naming the setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = ConfigSchema.safeParse(set)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`invalid configuration: ${issues}`)
  }
  return { ...parsed.data, ...overrides }
}

export function sqliteFile(config: Config): string {
  return path.join(config.DATA_DIR, 'boards.sqlite')
}
