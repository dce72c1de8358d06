/**
 * A handful of Prometheus metrics in text exposition format. Per server instance (not a global
 * registry), so that several servers can live in one test process.
 */
class Counter {
  value = 0
  constructor(readonly name: string, readonly help: string, readonly type: 'counter' | 'gauge' = 'counter') {}
  inc(by = 1): void {
    this.value += by
  }
  dec(by = 1): void {
    this.value -= by
  }
  set(v: number): void {
    this.value = v
  }
  render(): string {
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} ${this.type}\n${this.name} ${this.value}\n`
  }
}

class Histogram {
  private readonly counts: number[]
  private sum = 0
  private count = 0
  constructor(readonly name: string, readonly help: string, readonly buckets: number[]) {
    this.counts = buckets.map(() => 0)
  }
  observe(v: number): void {
    this.sum += v
    this.count++
    this.buckets.forEach((b, i) => {
      if (v <= b) this.counts[i]!++
    })
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket{le="${b}"} ${this.counts[i]}`))
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`, `${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`)
    return lines.join('\n') + '\n'
  }
}

export function createMetrics() {
  const m = {
    rooms: new Counter('canvas_rooms', 'Documents loaded in memory', 'gauge'),
    asleepRooms: new Counter('canvas_rooms_asleep', 'Loaded documents asleep (kept encoded, no Y.Doc)', 'gauge'),
    sessions: new Counter('canvas_sessions', 'Open websocket sessions', 'gauge'),
    messagesIn: new Counter('canvas_messages_in_total', 'Websocket frames received'),
    messagesOut: new Counter('canvas_messages_out_total', 'Document updates sent'),
    bytesIn: new Counter('canvas_bytes_in_total', 'Websocket bytes received'),
    persistFailures: new Counter('canvas_persist_failures_total', 'Failed storage writes'),
    persistSeconds: new Histogram('canvas_persist_seconds', 'Time to append a batch of updates', [
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
    ]),
  }
  /** Extra text renderers (cluster relay, storage state), appended to the exposition. */
  const collectors: Array<() => string> = []
  return {
    ...m,
    addCollector(render: () => string): void {
      collectors.push(render)
    },
    render(): string {
      return (
        Object.values(m)
          .map((x) => x.render())
          .join('') + collectors.map((c) => c()).join('')
      )
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
