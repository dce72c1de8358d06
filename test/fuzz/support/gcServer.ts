/**
 * The server as its own process, run with `--expose-gc` and an IPC channel, so that a fuzz test
 * can ask for its memory after a full collection. Started by `spawnGcServer`.
 */
import { createLogger } from '../../../server/logger.js'
import { startServer } from '../../../server/server.js'

type Request = { type: 'memory' } | { type: 'stop' }

const gc = (globalThis as { gc?: () => void }).gc
if (!gc || !process.send) throw new Error('run with --expose-gc and an IPC channel')

const server = await startServer({}, { logger: createLogger(process.env.LOG_LEVEL ?? 'warn') })
process.send({ type: 'listening', url: server.url })

process.on('message', (request: Request) => {
  void (async () => {
    switch (request.type) {
      case 'memory': {
        for (let i = 0; i < 4; i++) {
          gc()
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
        const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage()
        process.send!({ type: 'memory', heapUsed, rss, external, arrayBuffers, rooms: server.rooms.loadedRooms })
        return
      }
      case 'stop':
        await server.close()
        process.exit(0)
    }
  })()
})
