/**
 * Exports in one language over HTTP (issue 14): GET /api/boards/:id/export writes md, html and csv
 * in the board's language by default, in `?lang=` when given, and in the first language of
 * `Accept-Language` only when the board's own is not known (docs/DECISIONS.md). The answer names
 * its language in `Content-Language`. Boards are created in French through POST /api/boards and
 * filled by a stock y-websocket client; the words checked come from the catalogue itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRecordsMap, readAllRecords, writeRecord } from '../../shared/docLayout.js'
import { positionInZone, readActivities, type ActivityZone } from '../../shared/activities/index.js'
import { CATALOGUE, type Locale } from '../../shared/i18n/catalogue.js'
import { REPORT_TEXTS } from '../../shared/i18n/reportTexts.js'
import { connectProvider, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { noteRecord } from '../helpers/records.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
type Board = { id: string; viewer: string; participant?: string }

/** Markdown without its data-URL images (the board picture is an image, not text). */
const withoutImages = (md: string) => md.replace(/\]\(data:[^)]*\)/g, '](…)')
const words = (value: string) => value.replace(/\{\w+\}/g, ' ').toLowerCase().match(/\p{L}{2,}/gu) ?? []
const other = (locale: Locale): Locale => (locale === 'en' ? 'fr' : 'en')

/** Words of the report catalogue's fixed labels in `locale` that no text of the other language uses. */
function foreignWords(locale: Locale): Set<string> {
  const theirs = new Set(Object.values(CATALOGUE).flatMap((e) => words(e[other(locale)])))
  return new Set(Object.values(REPORT_TEXTS).flatMap((e) => words(e[locale])).filter((w) => !theirs.has(w)))
}

function visibleText(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
}

async function createBoard(server: Server, title: string, template: string, locale: Locale): Promise<Board> {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, template, locale }),
  })
  expect(res.status).toBe(201)
  const body = (await res.json()) as { board: { id: string }; links: { viewer: string; participant: string } }
  const token = (link: string) => link.slice(link.indexOf('#') + 1)
  return { id: body.board.id, viewer: token(body.links.viewer), participant: token(body.links.participant) }
}

/** Writes one note per (zone picker, text, meta) through a stock y-websocket client. */
async function addNotes(
  server: Server,
  board: Board,
  notes: Array<{ zone: (zones: ActivityZone[]) => ActivityZone | undefined; text: string; meta?: Record<string, unknown> }>,
): Promise<void> {
  const control = connectProvider(server.url, `${board.id}/control`, board.viewer)
  await waitForSync(control)
  await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1)
  const zones = readActivities(readAllRecords(control.doc))[0]!.zones
  control.destroy()
  const writer = connectProvider(server.url, board.id, board.participant ?? '')
  await waitForSync(writer)
  writer.doc.transact(() => {
    notes.forEach((n, i) => {
      const zone = n.zone(zones)
      if (!zone) throw new Error(`no zone for note ${n.text}`)
      const at = positionInZone(zone)
      writeRecord(getRecordsMap(writer.doc), noteRecord(`shape:n${i}`, n.text, at.x, at.y, { meta: { author: 'Ana', ...n.meta } }))
    })
  })
  await waitFor(() => readAllRecords(writer.doc).filter((r) => r.typeName === 'shape').length >= notes.length)
  await new Promise((r) => setTimeout(r, 300))
  writer.destroy()
}

const riskCell = (l: number, i: number) => (zones: ActivityZone[]) =>
  zones.find((z) => z.meaning.kind === 'riskCell' && z.meaning.likelihood === l && z.meaning.impact === i)
const nth = (n: number) => (zones: ActivityZone[]) => zones[n]

async function exportAs(server: Server, board: Board, format: string, query = '', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/boards/${board.id}/export?format=${format}${query}`, { headers: { authorization: `Bearer ${board.viewer}`, ...headers } })
}

describe('exports in one language over HTTP (issue 14)', () => {
  let server: Server
  const boards: Record<string, Board> = {}

  beforeAll(async () => {
    server = await startTestServer()
    for (const locale of ['fr', 'en'] as const) {
      const risks = await createBoard(server, locale === 'fr' ? 'Risques du projet' : 'Project risks', 'risk-matrix', locale)
      await addNotes(server, risks, [
        { zone: riskCell(4, 5), text: locale === 'fr' ? 'Fournisseur défaillant' : 'Supplier fails', meta: { owner: 'Dana', status: 'open' } },
        { zone: riskCell(1, 2), text: locale === 'fr' ? 'Petit souci' : 'Minor glitch', meta: { status: 'done' } },
      ])
      const retro = await createBoard(server, locale === 'fr' ? 'Rétrospective' : 'Retro', 'retro-start-stop-continue', locale)
      await addNotes(server, retro, [
        { zone: nth(0), text: locale === 'fr' ? 'Faire des démonstrations' : 'Demo every sprint' },
        { zone: nth(3), text: locale === 'fr' ? 'Corriger la compilation' : 'Fix the build', meta: { owner: 'Lee', due: '2026-12-15', status: 'open' } },
      ])
      boards[`${locale}-risks`] = risks
      boards[`${locale}-retro`] = retro
    }
  }, 60_000)
  afterAll(async () => {
    await server.close()
  })

  it('the check can fail: an English board exported as is holds English fixed words', async () => {
    const res = await exportAs(server, boards['en-risks']!, 'md')
    expect(res.headers.get('content-language')).toBe('en')
    const found = words(await res.text()).filter((w) => foreignWords('en').has(w))
    expect(found).toEqual(expect.arrayContaining(['report', 'likelihood', 'owner', 'status']))
  })

  for (const what of ['risks', 'retro']) {
    it(`a French ${what} board: md, html and csv in French by default, with no word of the English fixed labels`, async () => {
      const english = foreignWords('en')
      for (const format of ['md', 'html', 'csv']) {
        const res = await exportAs(server, boards[`fr-${what}`]!, format)
        expect(res.status).toBe(200)
        expect(res.headers.get('content-language')).toBe('fr')
        // The file is named after the title with its accents dropped, not its letters.
        if (what === 'retro') expect(res.headers.get('content-disposition')).toMatch(new RegExp(`filename="retrospective-\\d{4}-\\d{2}-\\d{2}\\.${format}"`))
        const raw = await res.text()
        if (format === 'html') expect(raw).toContain('<html lang="fr">')
        const text = format === 'html' ? visibleText(raw) : withoutImages(raw)
        expect({ format, words: words(text).filter((w) => english.has(w)) }).toEqual({ format, words: [] })
      }
    })

    it(`an English ${what} board with lang=fr: French framing; only its own template texts stay English, marked lang="en"`, async () => {
      const english = foreignWords('en')
      const board = boards[`en-${what}`]!
      // The board's own texts (titles, zone and band labels, note texts) stay as written.
      const results = (await (await fetch(`${server.url}/api/boards/${board.id}/results`, { headers: { authorization: `Bearer ${board.viewer}` } })).json()) as {
        results: { activities: unknown[] }
      }
      const own: string[] = ['Project risks', 'Retro']
      const walk = (v: unknown, key = ''): void => {
        if (typeof v === 'string') {
          if (['name', 'label', 'bandLabel', 'text'].includes(key)) own.push(v)
        } else if (Array.isArray(v)) v.forEach((x) => walk(x, key))
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k)
      }
      walk(results.results.activities)
      own.sort((a, b) => b.length - a.length)
      for (const format of ['md', 'html', 'csv']) {
        const res = await exportAs(server, board, format, '&lang=fr')
        expect(res.status).toBe(200)
        expect(res.headers.get('content-language')).toBe('fr')
        const raw = await res.text()
        if (format === 'html') {
          expect(raw).toContain('<html lang="fr">')
          expect(raw).toMatch(/<span lang="en">/)
        }
        // The board's picture shows the board's own texts, marked with their language.
        if (format === 'html') expect(raw).toMatch(/<figure class="board"><svg [^>]*lang="en"/)
        const page = raw.replace(/<figure class="board"><svg [^>]*lang="en"[\s\S]*?<\/svg><\/figure>/, ' ')
        let text = format === 'html' ? visibleText(page) : withoutImages(raw)
        for (const t of own) text = text.split(t).join(' ')
        expect({ format, words: words(text).filter((w) => english.has(w)) }).toEqual({ format, words: [] })
      }
    })
  }

  it('a French board with lang=en is English; lang wins over the board and over Accept-Language', async () => {
    const res = await exportAs(server, boards['fr-risks']!, 'md', '&lang=en', { 'accept-language': 'fr-CA' })
    expect(res.headers.get('content-language')).toBe('en')
    expect(await res.text()).toContain('Report of')
  })

  it("Accept-Language: fr-CA does not override an English board's language, but chooses French for a board with no known language", async () => {
    const en = await exportAs(server, boards['en-retro']!, 'md', '', { 'accept-language': 'fr-CA,fr;q=0.9' })
    expect(en.headers.get('content-language')).toBe('en')
    const plain = await createPlainBoard(server)
    const fr = await exportAs(server, plain, 'md', '', { 'accept-language': 'fr-CA,fr;q=0.9' })
    expect(fr.status).toBe(200)
    expect(fr.headers.get('content-language')).toBe('fr')
    const none = await exportAs(server, plain, 'md')
    expect(none.headers.get('content-language')).toBe('en')
  })

  it('a lang other than en or fr is a 400 with {error}', async () => {
    const res = await exportAs(server, boards['fr-risks']!, 'md', '&lang=de')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/lang must be one of en, fr/)
  })
})

async function createPlainBoard(server: Server): Promise<Board> {
  const res = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'No activity' }) })
  const body = (await res.json()) as { board: { id: string }; links: { viewer: string } }
  return { id: body.board.id, viewer: body.links.viewer.slice(body.links.viewer.indexOf('#') + 1) }
}
