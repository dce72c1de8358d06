/**
 * Prints the heaviest functions (self time, and inclusive time of chosen ones) and files of a V8
 * .cpuprofile, for reading the output of `--cpu-prof` without a browser:
 *
 *   node --import tsx bench/profileSummary.ts FILE [N] [--from FUNCTION]
 *
 * With --from, only samples from the first one whose stack holds FUNCTION on are counted (e.g.
 * `--from receiverOnMessage`: the server's start-up left out), and idle time is left out of the
 * percentages.
 */
import fs from 'node:fs'

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
type Profile = { nodes: Node[]; samples?: number[]; timeDeltas?: number[] }

function keyOf(node: Node): string {
  const { functionName, url, lineNumber } = node.callFrame
  const short = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared|bench)\//, '$1/').replace(/^file:\/\/.*\//, '')
  return `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`
}

export function summarizeProfile(file: string, top = 25, from?: string): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const stack = (id: number): string[] => {
    const keys: string[] = []
    for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) keys.push(keyOf(byId.get(c)!))
    return keys
  }
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  const start = from ? Math.max(0, samples.findIndex((id) => stack(id).some((k) => k.startsWith(`${from} `)))) : 0
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let busy = 0
  let idle = 0
  for (let i = start; i < samples.length; i++) {
    const node = byId.get(samples[i]!)!
    const us = deltas[i] ?? 0
    if (node.callFrame.functionName === '(idle)') {
      idle += us
      continue
    }
    busy += us
    const keys = stack(node.id)
    self.set(keys[0]!, (self.get(keys[0]!) ?? 0) + us)
    for (const k of new Set(keys)) inclusive.set(k, (inclusive.get(k) ?? 0) + us)
  }
  const fmt = (entries: Map<string, number>, n: number, filter?: RegExp) =>
    Array.from(entries)
      .filter(([k]) => !filter || filter.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${((us / busy) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n')
  // Our own code (the bundle: main.mjs, chunk-*.mjs) and the library calls it is made of.
  const ours = /main\.mjs|chunk-|^(applyUpdate|mergeUpdates|sqliteTransaction|writev|applyAwarenessUpdate|encodeAwarenessUpdate|receiverOnMessage) |^send ws|\(garbage collector\)/
  return [
    `${(busy / 1e6).toFixed(2)} s busy, ${(idle / 1e6).toFixed(2)} s idle${from ? ` (from the first ${from})` : ''}; percentages of busy time`,
    '-- by function (self) --',
    fmt(self, top),
    '-- inclusive: our functions and the library calls they make --',
    fmt(inclusive, top, ours),
  ].join('\n')
}

if (process.argv[1]?.endsWith('profileSummary.ts')) {
  const args = process.argv.slice(2)
  const fromAt = args.indexOf('--from')
  const from = fromAt >= 0 ? args.splice(fromAt, 2)[1] : undefined
  console.log(summarizeProfile(args[0]!, Number(args[1] ?? 25), from))
}
