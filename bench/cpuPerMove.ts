/**
 * Issue 18's server-work figure, robust to a shared machine: server CPU seconds per 1,000 note
 * moves (read from /proc), ours and the peers interleaved run by run, 20 stock providers on one
 * board, 10 Hz moves + 5 Hz cursors.
 *
 *   node --import tsx bench/cpuPerMove.ts --targets ours,y-websocket --rounds 3 [--cpu-prof]
 *
 * With --cpu-prof, our server writes a V8 profile into bench/.work/profiles (read it with
 * bench/profileSummary.ts).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_LOAD, describe, runLoad, type LoadOptions, type LoadResult } from './loadgen.js'
import { BENCH_DIR, ensurePeersInstalled, startTarget, TARGET_LABELS, type TargetName } from './servers.js'

export const CPU_LOAD: LoadOptions = { ...DEFAULT_LOAD, clientsPerBoard: 20, rateHz: 10, awarenessHz: 5, durationMs: 8000, warmupMs: 2000, workers: 1 }

/** Runs `rounds` loads per target, interleaved; returns every result per target. */
export async function cpuPerMoveInterleaved(
  targets: TargetName[],
  options: LoadOptions,
  rounds: number,
  log: (line: string) => void = () => {},
  profile = false,
): Promise<Map<TargetName, LoadResult[]>> {
  const out = new Map<TargetName, LoadResult[]>(targets.map((t) => [t, []]))
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      const nodeArgs = profile && target === 'ours' ? ['--cpu-prof', `--cpu-prof-dir=${path.join(BENCH_DIR, '.work', 'profiles')}`] : []
      const server = await startTarget(target, { nodeArgs })
      try {
        const result = await runLoad(server, options)
        out.get(target)!.push(result)
        log(`  round ${round + 1} ${TARGET_LABELS[target]}: ${describe(result)}`)
      } finally {
        await server.stop()
      }
    }
  }
  return out
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      targets: { type: 'string', default: 'ours,y-websocket' },
      rounds: { type: 'string', default: '2' },
      clients: { type: 'string', default: String(CPU_LOAD.clientsPerBoard) },
      duration: { type: 'string', default: String(CPU_LOAD.durationMs / 1000) },
      'cpu-prof': { type: 'boolean', default: false },
    },
  })
  ensurePeersInstalled()
  const targets = values.targets!.split(',') as TargetName[]
  const options = { ...CPU_LOAD, clientsPerBoard: Number(values.clients), durationMs: Number(values.duration) * 1000 }
  const results = await cpuPerMoveInterleaved(targets, options, Number(values.rounds), console.log, values['cpu-prof'])
  for (const [target, runs] of results) {
    const server = runs.map((r) => r.serverCpuSecondsPer1000Moves.toFixed(3)).join(', ')
    const gen = runs.map((r) => r.loadgenCpuSecondsPer1000Moves.toFixed(3)).join(', ')
    const p99 = runs.map((r) => r.allReceivers.p99.toFixed(0)).join(', ')
    console.log(`${TARGET_LABELS[target]}: server CPU s / 1,000 moves [${server}]; load gen [${gen}]; all-receivers p99 ms [${p99}]`)
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(BENCH_DIR, 'cpuPerMove.ts')) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
