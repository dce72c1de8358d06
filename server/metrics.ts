/**
 * The server's Prometheus metrics, in a prom-client Registry of their own per server instance
 * (not the global default registry), so that several servers can live in one test process.
 * Other parts (the cluster relay, storage) add theirs to `registry`.
 */
import { Counter, Gauge, Histogram, Registry } from './promClient.js'

/**
 * A counter bumped on the hot path (every websocket frame): a plain number, handed to
 * prom-client only when scraped, so that counting a frame allocates nothing.
 */
export type Tally = { inc(by?: number): void }

function tally(registry: Registry, name: string, help: string): Tally {
  let value = 0
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset()
      this.inc(value)
    },
  })
  return {
    inc(by = 1) {
      value += by
    },
  }
}

export function createMetrics() {
  const registry = new Registry()
  const gauge = (name: string, help: string) => new Gauge({ name, help, registers: [registry] })
  return {
    registry,
    rooms: gauge('canvas_rooms', 'Documents loaded in memory'),
    asleepRooms: gauge('canvas_rooms_asleep', 'Loaded documents asleep (kept encoded, no Y.Doc)'),
    sessions: gauge('canvas_sessions', 'Open websocket sessions'),
    messagesIn: tally(registry, 'canvas_messages_in_total', 'Websocket frames received'),
    messagesOut: tally(registry, 'canvas_messages_out_total', 'Document updates sent'),
    bytesIn: tally(registry, 'canvas_bytes_in_total', 'Websocket bytes received'),
    persistFailures: new Counter({ name: 'canvas_persist_failures_total', help: 'Failed storage writes', registers: [registry] }),
    compactions: new Counter({
      name: 'canvas_compactions_total',
      help: 'Update logs merged into their snapshot, by where the snapshot came from: the doc in memory, or a doc rebuilt from storage',
      labelNames: ['from'] as const,
      registers: [registry],
    }),
    persistSeconds: new Histogram({
      name: 'canvas_persist_seconds',
      help: 'Time to append a batch of updates',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    /** The exposition text of every metric of this server. */
    render(): Promise<string> {
      return registry.metrics()
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
