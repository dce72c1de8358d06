/**
 * Wires storage, rooms and the app into one listening server. Used by main.ts and by tests
 * (port 0), so that tests run exactly what `npm start` runs.
 */
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { getBoardSchema } from '../shared/boardSchema.js'
import { createApp } from './app.js'
import { loadConfig, sqliteFile, type Config } from './config.js'
import { createLogger, type Logger } from './logger.js'
import { createMetrics } from './metrics.js'
import { SqliteStorage } from './storage/SqliteStorage.js'
import type { Storage } from './storage/Storage.js'
import { RoomManager } from './sync/RoomManager.js'

export type CanvasServer = {
  url: string
  port: number
  config: Config
  storage: Storage
  rooms: RoomManager
  close(): Promise<void>
}

export async function createStorage(config: Config): Promise<Storage> {
  return new SqliteStorage(sqliteFile(config))
}

export async function startServer(
  overrides: Partial<Config> = {},
  options: { logger?: Logger; env?: Record<string, string | undefined> } = {},
): Promise<CanvasServer> {
  const config = loadConfig(options.env ?? process.env, overrides)
  const logger = options.logger ?? createLogger()
  const metrics = createMetrics()
  const storage = await createStorage(config)
  const rooms = new RoomManager(
    {
      storage,
      schema: getBoardSchema(),
      logger,
      metrics,
      limits: {
        MAX_MESSAGE_BYTES: config.MAX_MESSAGE_BYTES,
        MAX_MESSAGES_PER_SECOND: config.MAX_MESSAGES_PER_SECOND,
        MAX_BOARD_BYTES: config.MAX_BOARD_BYTES,
        COMPACT_AFTER_UPDATES: config.COMPACT_AFTER_UPDATES,
      },
    },
    config,
  )
  const { app, injectWebSocket, wss } = createApp({ config, storage, rooms, logger, metrics })
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, () => resolve(s))
  })
  injectWebSocket(server)
  const port = (server.address() as AddressInfo).port
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`
  logger.info({ url, storage: storage.kind }, 'workshop canvas listening')

  let closing: Promise<void> | null = null
  return {
    url,
    port,
    config,
    storage,
    rooms,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          // Sockets are closed by the rooms below; idle keep-alive HTTP connections too.
          ;(server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.()
        })
      })()
      const stop = (async () => {
        await rooms.closeAll()
        for (const client of wss.clients) client.terminate()
        await closing
        await storage.close()
      })()
      return stop
    },
  }
}
