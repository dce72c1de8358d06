/**
 * Hostile template files (SPEC L10), seeded: random mutations of a real file sent to a real
 * server are either stored (and then build a board) or refused with a 4xx message; never a
 * 500, never a half-stored template. `FUZZ_SEED` replays a run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtInTemplateFile } from '../../shared/templates/convert.js'
import { startTestServer } from '../helpers/server.js'
import { seededRandom } from '../integration/fixtures.js'

const SEED = Number(process.env.FUZZ_SEED ?? 15015)
const RUNS = 150

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const HOSTILE: Json[] = [
  null, true, -1, 0, 1e308, -1e308, 3.5, '', 'x'.repeat(6000), '\u0000', '<script>alert(1)</script>', "'; DROP TABLE templates; --",
  [], {}, { __proto__: { polluted: true } } as unknown as Json, [[[[[[[[]]]]]]]], 'risk-matrix', 'custom-AAAAAAAAAAAAAAAAAAAAAA',
]

function paths(value: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix)
  if (Array.isArray(value)) value.slice(0, 6).forEach((v, i) => paths(v, [...prefix, i], out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out)
  return out
}

function mutate(file: Json, random: () => number): Json {
  const copy = JSON.parse(JSON.stringify(file)) as Json
  const all = paths(copy).filter((p) => p.length > 0)
  const times = 1 + Math.floor(random() * 3)
  for (let n = 0; n < times; n++) {
    const path = all[Math.floor(random() * all.length)]!
    let parent: Json | undefined = copy
    for (const step of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<string | number, Json>)[step] : undefined
    if (!parent || typeof parent !== 'object') continue // an earlier mutation replaced it
    const last = path[path.length - 1]!
    const target = parent as Record<string | number, Json>
    const choice = random()
    const current = target[last]
    if (choice < 0.2) delete target[last]
    else if (choice < 0.3) target[`${String(last)}Extra`] = 1
    else if (choice < 0.4 && Array.isArray(current)) current.push(...Array.from({ length: 700 }, () => current[0] ?? null))
    else target[last] = HOSTILE[Math.floor(random() * HOSTILE.length)]!
  }
  return copy
}

let server: Awaited<ReturnType<typeof startTestServer>>
beforeAll(async () => {
  server = await startTestServer({ BOARD_CREATIONS_PER_IP_PER_MINUTE: 100_000 })
})
afterAll(async () => {
  await server?.close()
})

describe(`hostile template files, seed ${SEED} [L10]`, () => {
  it('each mutated file is stored and builds a board, or is refused with a 4xx message and stores nothing', async () => {
    const random = seededRandom(SEED)
    const sources = ['risk-matrix', 'talking-circle', 'power-interest-grid'].map((id) => builtInTemplateFile(id, 'en') as unknown as Json)
    let stored = 0
    let refused = 0
    for (let run = 0; run < RUNS; run++) {
      const body = JSON.stringify(mutate(sources[run % sources.length]!, random))
      const before = (await server.storage.listTemplates()).length
      const res = await fetch(`${server.url}/api/templates/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      const answer = (await res.json()) as { error?: string; template?: { id: string } }
      const after = (await server.storage.listTemplates()).length
      if (res.status === 201) {
        stored++
        expect(after, `run ${run}`).toBe(before + 1)
        const made = await fetch(`${server.url}/api/templates/${answer.template!.id}/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
        expect(made.status, `run ${run}: ${body.slice(0, 200)}`).toBe(201)
        // Results are read from what the template built: they answer too.
        const { links } = (await made.json()) as { links: { viewer: string } }
        const results = await fetch(`${server.url}/api/boards/${links.viewer.split('/b/')[1]!.split('#')[0]}/results`, { headers: { authorization: `Bearer ${links.viewer.split('#')[1]}` } })
        expect(results.status, `run ${run}: results of ${body.slice(0, 200)}`).toBe(200)
      } else {
        refused++
        expect([400, 413], `run ${run}: ${answer.error}`).toContain(res.status)
        expect(answer.error, `run ${run}`).toMatch(/not a valid template file|larger than|invalid shape/)
        expect(after, `run ${run}`).toBe(before)
      }
    }
    // Both sides were exercised: some mutations are harmless (a text changed), most are not.
    expect(refused).toBeGreaterThan(RUNS / 3)
    expect(stored).toBeGreaterThan(0)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  }, 120_000)
})
