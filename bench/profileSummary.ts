/**
 * Prints the heaviest functions (self time) and files of a V8 .cpuprofile, for reading the
 * output of `--cpu-prof` without a browser:  node --import tsx bench/profileSummary.ts FILE [N]
 */
import fs from 'node:fs'

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
type Profile = { nodes: Node[]; samples?: number[]; timeDeltas?: number[] }

export function summarizeProfile(file: string, top = 25): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
  const self = new Map<number, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)))
  const byFunction = new Map<string, number>()
  const byFile = new Map<string, number>()
  let total = 0
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0
    total += us
    const { functionName, url, lineNumber } = node.callFrame
    const short = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared|bench)\//, '$1/')
    const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
    const fileKey = short.split('/').slice(0, short.startsWith('@') ? 2 : 1).join('/') || functionName
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us)
  }
  const fmt = (entries: Map<string, number>) =>
    Array.from(entries)
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n')
  return `total ${(total / 1e6).toFixed(2)} s sampled\n-- by function (self) --\n${fmt(byFunction)}\n-- by package/dir --\n${fmt(byFile)}`
}

if (process.argv[1]?.endsWith('profileSummary.ts')) {
  console.log(summarizeProfile(process.argv[2]!, Number(process.argv[3] ?? 25)))
}
