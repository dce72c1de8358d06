/**
 * The repository has no import cycle (STYLE: "no import cycles"), checked by the repository's own
 * script, which must also find the cycle planted in test/fixtures/cycle.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const script = join(repo, 'scripts', 'checkImportCycles.mjs')

function run(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: repo, encoding: 'utf8' })
  return { status: result.status, output: result.stdout + result.stderr }
}

describe('import cycles', () => {
  it('finds none in client/, server/, shared/ and scripts/', () => {
    const { status, output } = run()
    expect(output).not.toMatch(/Import cycle \d/)
    expect(status).toBe(0)
  })

  it('finds the planted cycle through an index file, a .js specifier and a dynamic import', () => {
    const { status, output } = run(repo, 'test/fixtures/cycle')
    expect(status).toBe(1)
    expect(output).toContain('Import cycle 1 (3 files)')
    expect(output).toContain(join('test', 'fixtures', 'cycle', 'a.ts'))
    expect(output).toContain(join('test', 'fixtures', 'cycle', 'b.ts'))
    expect(output).toContain(join('test', 'fixtures', 'cycle', 'lib', 'index.ts'))
    expect(output).not.toContain('acyclic')
  })

  it('passes a directory without a cycle', () => {
    const { status, output } = run(repo, 'test/fixtures/cycle/acyclic')
    expect(status).toBe(0)
    expect(output).toContain('No import cycle among 2 files')
  })
})
