/** CPU time and resident memory of another process, from /proc (Linux). */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

let ticksPerSecond: number | null = null
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
    } catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

export type ProcSample = { at: number; cpuSeconds: number; systemSeconds: number; rssBytes: number }

/** One sample; throws if the process is gone. */
export function sampleProc(pid: number): ProcSample {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return { at: performance.now(), cpuSeconds: ticks / clockTicks(), systemSeconds: Number(fields[12]) / clockTicks(), rssBytes: rssKb * 1024 }
}

/** Sums samples of several processes (a server made of two instances). */
export function sampleProcs(pids: number[]): ProcSample {
  const samples = pids.map(sampleProc)
  return {
    at: performance.now(),
    cpuSeconds: samples.reduce((n, s) => n + s.cpuSeconds, 0),
    systemSeconds: samples.reduce((n, s) => n + s.systemSeconds, 0),
    rssBytes: samples.reduce((n, s) => n + s.rssBytes, 0),
  }
}

/** Samples RSS every `everyMs` until stopped; reports the peak and the CPU used meanwhile. */
export function watchProcs(pids: number[], everyMs = 250) {
  const first = sampleProcs(pids)
  let peakRss = first.rssBytes
  let last = first
  const timer = setInterval(() => {
    try {
      last = sampleProcs(pids)
      peakRss = Math.max(peakRss, last.rssBytes)
    } catch {
      /* process gone: keep the last sample */
    }
  }, everyMs)
  return {
    stop() {
      clearInterval(timer)
      try {
        last = sampleProcs(pids)
        peakRss = Math.max(peakRss, last.rssBytes)
      } catch {
        /* gone */
      }
      const seconds = (last.at - first.at) / 1000
      return {
        cpuPercent: seconds > 0 ? ((last.cpuSeconds - first.cpuSeconds) / seconds) * 100 : 0,
        cpuSeconds: last.cpuSeconds - first.cpuSeconds,
        /** Of which in the kernel (system time: socket writes, SQLite's file I/O). */
        systemSeconds: last.systemSeconds - first.systemSeconds,
        rssBytes: last.rssBytes,
        peakRssBytes: peakRss,
      }
    },
  }
}

export function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1)
}

export type HeapSample = { heapBytes: number; rssBytes: number }

/**
 * JS heap + external memory (ArrayBuffers, native buffers) of server processes right after a
 * full GC, through bench/gcProbe.cjs (preloaded into every server: SIGUSR2 → gc → a JSON file).
 */
export async function heapAfterGc(pids: number[], dir: string, timeoutMs = 20_000): Promise<HeapSample> {
  const out: HeapSample = { heapBytes: 0, rssBytes: 0 }
  for (const pid of pids) {
    const file = `${dir}/${pid}.json`
    fs.rmSync(file, { force: true })
    process.kill(pid, 'SIGUSR2')
    const deadline = Date.now() + timeoutMs
    while (!fs.existsSync(file)) {
      if (Date.now() > deadline) throw new Error(`server ${pid} did not report its memory after a GC`)
      await new Promise((r) => setTimeout(r, 50))
    }
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as { heapUsed: number; external: number; rss: number }
    out.heapBytes += m.heapUsed + m.external
    out.rssBytes += m.rss
  }
  return out
}
