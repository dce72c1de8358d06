/**
 * Issue 18's server-work figure, robust to a shared machine: server CPU seconds per 1,000 note
 * moves (read from /proc), ours and the peers interleaved run by run, 20 stock providers on one
 * board, 10 Hz moves + 5 Hz cursors.
 *
 *   node --import tsx bench/cpuPerMove.ts --targets ours,y-websocket --rounds 3 [--cpu-prof]
 *     [--node-args "--flag …"]      (node flags for our server, for an experiment)
 *     [--before path/to/main.mjs]   (another build of ours, e.g. an earlier commit's
 *                                    `scripts/buildServer.mjs` bundle, run in every round too)
 *     [--history 1000]              (the board has that many past writers, one note each: a
 *                                    board a team has used for months)
 *
 * With --cpu-prof, every server measured writes a V8 profile into bench/.work/profiles, one file
 * per process (read them with bench/profileSummary.ts; the paths in a profile say whose it is).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_LOAD, describe, runLoad, type LoadOptions, type LoadResult } from './loadgen.js'
import { BENCH_DIR, ensurePeersInstalled, startTarget, TARGET_LABELS, type TargetName } from './servers.js'

export const CPU_LOAD: LoadOptions = { ...DEFAULT_LOAD, clientsPerBoard: 20, rateHz: 10, awarenessHz: 5, durationMs: 12000, warmupMs: 4000, workers: 1 }

/** Runs `rounds` loads per target, interleaved; returns every result per target. */
export async function cpuPerMoveInterleaved(
  targets: TargetName[],
  options: LoadOptions,
  rounds: number,
  log: (line: string) => void = () => {},
  profile = false,
  /** Also run this other build of ours (a bundle path) in every round, reported as `before`. */
  before?: string,
  /** Extra node flags for our server (an experiment: `--node-args=--single-threaded-gc`). */
  ourNodeArgs: string[] = [],
): Promise<Map<TargetName | 'before', LoadResult[]>> {
  const runs: Array<TargetName | 'before'> = before ? ['before', ...targets] : targets
  const out = new Map<TargetName | 'before', LoadResult[]>(runs.map((t) => [t, []]))
  for (let round = 0; round < rounds; round++) {
    for (const run of runs) {
      const target: TargetName = run === 'before' ? 'ours' : run
      // Every server is profiled; the peers exit on SIGTERM (so that Node writes the profile)
      // only with the preload, ours flushes its boards first by itself.
      const exitOnSigterm = target === 'ours' ? [] : ['--require', path.join(BENCH_DIR, 'exitOnSigterm.cjs')]
      const profileArgs = profile ? [...exitOnSigterm, '--cpu-prof', `--cpu-prof-dir=${path.join(BENCH_DIR, '.work', 'profiles')}`] : []
      const nodeArgs = target === 'ours' ? [...ourNodeArgs, ...profileArgs] : profileArgs
      const server = await startTarget(target, { nodeArgs, ourEntry: run === 'before' ? before : undefined })
      try {
        const result = await runLoad(server, options)
        out.get(run)!.push(result)
        log(`  round ${round + 1} ${labelOf(run)}: ${describe(result)}`)
      } finally {
        await server.stop()
      }
    }
  }
  return out
}

const labelOf = (run: TargetName | 'before') => (run === 'before' ? 'ours, before (--before build)' : TARGET_LABELS[run])

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      targets: { type: 'string', default: 'ours,y-websocket' },
      rounds: { type: 'string', default: '2' },
      clients: { type: 'string', default: String(CPU_LOAD.clientsPerBoard) },
      duration: { type: 'string', default: String(CPU_LOAD.durationMs / 1000) },
      'cpu-prof': { type: 'boolean', default: false },
      before: { type: 'string' },
      'node-args': { type: 'string', default: '' },
      history: { type: 'string', default: '0' },
    },
  })
  ensurePeersInstalled()
  const targets = values.targets!.split(',') as TargetName[]
  const options = { ...CPU_LOAD, clientsPerBoard: Number(values.clients), durationMs: Number(values.duration) * 1000, historyWriters: Number(values.history) }
  const results = await cpuPerMoveInterleaved(targets, options, Number(values.rounds), console.log, values['cpu-prof'], values.before, values['node-args']!.split(' ').filter(Boolean))
  for (const [target, runs] of results) {
    const server = runs.map((r) => r.serverCpuSecondsPer1000Moves.toFixed(3)).join(', ')
    const gen = runs.map((r) => r.loadgenCpuSecondsPer1000Moves.toFixed(3)).join(', ')
    const p99 = runs.map((r) => r.allReceivers.p99.toFixed(0)).join(', ')
    console.log(`${labelOf(target)}: server CPU s / 1,000 moves [${server}]; load gen [${gen}]; all-receivers p99 ms [${p99}]`)
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(BENCH_DIR, 'cpuPerMove.ts')) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
