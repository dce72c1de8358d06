/**
 * Issue 18's empty-server figure: RSS of a server process that has started and holds no board,
 * after a full GC (bench/gcProbe.cjs) and a short settle, ours and the peers interleaved.
 *
 *   node --import tsx bench/emptyRss.ts --targets ours,y-websocket,stack-floor --rounds 3
 *
 * stack-floor is DESIGN's pinned stack alone (bench/peers/stackFloor.ts): what any server built
 * on it takes before its own code.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { settledRss } from './memory.js'
import { heapAfterGc } from './procStats.js'
import { BENCH_DIR, ensurePeersInstalled, startTarget, TARGET_LABELS, WORK_DIR, type StartOptions, type TargetName } from './servers.js'

export type EmptyRss = { rssBytes: number; heapBytes: number }

/** One empty-server reading per target and round, interleaved. */
export async function measureEmptyRss(
  targets: TargetName[],
  rounds: number,
  optionsFor: (t: TargetName) => StartOptions = () => ({}),
  log: (line: string) => void = () => {},
): Promise<Map<TargetName, EmptyRss[]>> {
  const out = new Map<TargetName, EmptyRss[]>(targets.map((t) => [t, []]))
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      const server = await startTarget(target, optionsFor(target))
      try {
        const heapBytes = (await heapAfterGc(server.pids(), WORK_DIR)).heapBytes
        const rssBytes = await settledRss(server.pids())
        out.get(target)!.push({ rssBytes, heapBytes })
        log(`  round ${round + 1} ${TARGET_LABELS[target]}: RSS ${(rssBytes / 1048576).toFixed(1)} MiB, heap + buffers ${(heapBytes / 1048576).toFixed(1)} MiB`)
      } finally {
        await server.stop()
      }
    }
  }
  return out
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(BENCH_DIR, 'emptyRss.ts')) {
  const { values } = parseArgs({ options: { targets: { type: 'string', default: 'ours,y-websocket,stack-floor' }, rounds: { type: 'string', default: '2' } } })
  ensurePeersInstalled()
  measureEmptyRss(values.targets!.split(',') as TargetName[], Number(values.rounds), undefined, console.log).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
