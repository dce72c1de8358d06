// Preloaded into every benchmarked server process (ours and the peers alike, with --expose-gc):
// on SIGUSR2 it runs a full garbage collection and writes the process's memory figures to
// $BENCH_GC_DIR/<pid>.json, so that memory per board can be read without garbage in it.
const fs = require('node:fs')
const path = require('node:path')

const dir = process.env.BENCH_GC_DIR
if (dir && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    global.gc()
    global.gc()
    const m = process.memoryUsage()
    const file = path.join(dir, `${process.pid}.json`)
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ heapUsed: m.heapUsed, external: m.external, rss: m.rss }))
    fs.renameSync(`${file}.tmp`, file)
  })
}
