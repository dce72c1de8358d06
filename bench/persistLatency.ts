/**
 * What one persisted batch costs our server: `SqliteStorage.appendUpdates` of a typical batch
 * (a few note moves) at synchronous=NORMAL (default: survives kill -9) and FULL (also fsyncs
 * each commit). Every broadcast waits for this (SPEC D1), so it is the floor of our latency.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as Y from 'yjs'
import { SqliteStorage } from '../server/storage/SqliteStorage.js'
import { percentiles, type Percentiles } from './loadgen.js'
import { moveNote, writeNotes } from './notes.js'
import { workDir } from './servers.js'

export type PersistLatency = Record<'NORMAL' | 'FULL', Percentiles>

export async function measurePersistLatency(batches = 300): Promise<PersistLatency> {
  const doc = new Y.Doc()
  writeNotes(doc, 1)
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < 3; i++) moveNote(doc, 'shape:n0', i, i)
  const out = {} as PersistLatency
  for (const mode of ['NORMAL', 'FULL'] as const) {
    const dir = workDir(`persist-${mode}`)
    const storage = new SqliteStorage(path.join(dir, 'boards.sqlite'), { synchronous: mode })
    const times: number[] = []
    for (let i = 0; i < batches; i++) {
      const started = performance.now()
      await storage.appendUpdates('board', updates)
      times.push(performance.now() - started)
    }
    await storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
    out[mode] = percentiles(times)
  }
  return out
}
