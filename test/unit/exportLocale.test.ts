/**
 * Exports in one language (issue 14): a board's Markdown, HTML and CSV reports use the catalogue's
 * fixed words in the report's locale, by default the board's own. Boards are built with the shared
 * template builder, written into Y.Docs through the shared doc layout, with notes placed in zones.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildActivityRecords, extractResults, positionInZone, readActivities, zonesOf, type BoardResults } from '../../shared/activities/index.js'
import { getRecordsMap, readAllRecords, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { exportBoard, toCsv, toHtml, toMarkdown, type ReportInput } from '../../shared/exports/index.js'
import { CATALOGUE, localeFromAcceptLanguage, type Locale } from '../../shared/i18n/catalogue.js'
import { REPORT_TEXTS } from '../../shared/i18n/reportTexts.js'
import { noteRecord } from '../helpers/records.js'

const words = (value: string) => (value.replace(/\{\w+\}/g, ' ').toLowerCase().match(/\p{L}{2,}/gu) ?? [])
const other = (locale: Locale): Locale => (locale === 'en' ? 'fr' : 'en')

/**
 * The words of the report catalogue's fixed labels in `locale` that no text of the other
 * language's catalogue uses (so "Impact", "Actions" or "notes", the same in both, are not counted).
 */
function foreignWords(locale: Locale): Set<string> {
  const theirs = new Set(Object.values(CATALOGUE).flatMap((e) => words(e[other(locale)])))
  return new Set(Object.values(REPORT_TEXTS).flatMap((e) => words(e[locale])).filter((w) => !theirs.has(w)))
}

/** The text a reader sees: no tags, no style sheet, entities decoded. */
function visibleText(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
}

interface Board {
  input: ReportInput
  results: BoardResults
}

/** One activity on a board: template records in the control doc, one note per listed zone in the board doc. */
function board(templateId: string, locale: Locale, notes: Array<{ zone: number; text: string; meta?: Record<string, unknown> }>, title: string): Board {
  const control = new Y.Doc()
  const boardDoc = new Y.Doc()
  const built = buildActivityRecords(templateId, { instanceId: 'act1', locale })
  if (!built.ok) throw new Error(built.error)
  for (const r of built.value.records) writeRecord(getRecordsMap(control), r)
  const templateRecords = readAllRecords(control)
  const zones = zonesOf(readActivities(templateRecords)[0]!)
  notes.forEach((n, i) => {
    const at = positionInZone(zones[n.zone]!)
    writeRecord(getRecordsMap(boardDoc), noteRecord(`shape:n${i}`, n.text, at.x, at.y, { meta: { author: 'Ana', ...n.meta } }))
  })
  const boardRecords: JsonRecord[] = readAllRecords(boardDoc)
  const results = extractResults({ templateRecords, boardRecords, votes: { 'shape:n0': 2 } })
  const input: ReportInput = { board: { id: 'b1', title, createdAt: Date.UTC(2026, 10, 2) }, generatedAt: Date.UTC(2026, 11, 1), results, boardRecords, votesShown: true }
  return { input, results }
}

/** Risk cells are listed by likelihood (1…5), then impact: zone index = (l − 1) · 5 + (i − 1). */
const cell = (likelihood: number, impact: number) => (likelihood - 1) * 5 + impact - 1

const FRENCH_BOARDS = () => [
  board('risk-matrix', 'fr', [
    { zone: cell(4, 5), text: 'Fournisseur défaillant', meta: { owner: 'Dana', status: 'open', mitigation: 'Second fournisseur' } },
    { zone: cell(3, 3), text: 'Départs dans l’équipe', meta: { status: 'done' } },
    { zone: cell(1, 2), text: 'Petit souci' },
  ], 'Risques du projet'),
  board('retro-start-stop-continue', 'fr', [
    { zone: 0, text: 'Faire des démonstrations' },
    { zone: 1, text: 'Réunions trop longues' },
    { zone: 3, text: 'Corriger la compilation', meta: { owner: 'Lee', due: '2026-12-15', status: 'open' } },
  ], 'Rétrospective de décembre'),
]

const ENGLISH_BOARDS = () => [
  board('risk-matrix', 'en', [
    { zone: cell(4, 5), text: 'Supplier fails', meta: { owner: 'Dana', status: 'open', mitigation: 'Second supplier' } },
    { zone: cell(1, 2), text: 'Minor glitch', meta: { status: 'in-progress' } },
  ], 'Project risks'),
  board('retro-start-stop-continue', 'en', [
    { zone: 0, text: 'Demo every sprint' },
    { zone: 3, text: 'Fix the build', meta: { owner: 'Lee', due: '2026-12-15', status: 'open' } },
  ], 'December retro'),
]

async function exportsOf(input: ReportInput): Promise<Record<'md' | 'html' | 'csv', string>> {
  return { md: toMarkdown(input), html: visibleText(await toHtml(input)), csv: toCsv(input) }
}

/**
 * Texts of the board that stay in its language by design: template texts (activity names, zone
 * and band labels), note texts and the title typed by people.
 */
function boardTexts(input: ReportInput, results: BoardResults): string[] {
  const out: string[] = [input.board.title]
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (['name', 'label', 'bandLabel', 'text'].includes(key)) out.push(value)
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k)
  }
  walk(results.activities)
  return out.sort((a, b) => b.length - a.length)
}

describe('exports in the board language (issue 14)', () => {
  it('the check can fail: an English export does contain English fixed words', async () => {
    const [risks] = ENGLISH_BOARDS()
    const found = words((await exportsOf(risks!.input)).md).filter((w) => foreignWords('en').has(w))
    expect(found).toEqual(expect.arrayContaining(['report', 'likelihood', 'owner', 'status', 'open']))
  })

  for (const [i, what] of ['risk matrix', 'retrospective'].entries()) {
    it(`a French ${what}: md, html and csv hold no word of the English fixed labels, by default`, async () => {
      const { input } = FRENCH_BOARDS()[i]!
      const english = foreignWords('en')
      for (const [format, text] of Object.entries(await exportsOf(input))) {
        expect({ format, words: words(text).filter((w) => english.has(w)) }).toEqual({ format, words: [] })
      }
      const html = await toHtml(input)
      expect(html).toContain('<html lang="fr">')
      expect(toMarkdown(input)).toContain('1 décembre 2026')
    })

    it(`an English ${what} exported with locale fr: no word of the English fixed labels outside its own texts`, async () => {
      const { input, results } = ENGLISH_BOARDS()[i]!
      const english = foreignWords('en')
      const fr = { ...input, locale: 'fr' as const }
      for (const [format, raw] of Object.entries(await exportsOf(fr))) {
        let text = raw
        for (const t of boardTexts(input, results)) text = text.split(t).join(' ')
        expect({ format, words: words(text).filter((w) => english.has(w)) }).toEqual({ format, words: [] })
      }
      const html = await toHtml(fr)
      expect(html).toContain('<html lang="fr">')
      // The activity name is template text in English: marked as such.
      expect(html).toContain(`<span lang="en">${results.activities[0]!.name}</span>`)
    })
  }

  it('French typography between a name and its words: a no-break space before the colon (a kudos to someone)', () => {
    const kudos = board('recognition-wall', 'fr', [{ zone: 0, text: 'Merci pour la démo', meta: { to: 'Bo' } }], 'Reconnaissance')
    expect(toMarkdown(kudos.input)).toContain('- **Bo**\u00a0: Merci pour la démo')
    // English keeps its own: no space before the colon.
    const thanks = board('recognition-wall', 'en', [{ zone: 0, text: 'Thanks for the demo', meta: { to: 'Bo' } }], 'Kudos')
    expect(toMarkdown(thanks.input)).toContain('- **Bo**: Thanks for the demo')
  })

  it('the French risk register: columns, band and status from the catalogue', async () => {
    const { input } = FRENCH_BOARDS()[0]!
    const md = toMarkdown(input)
    expect(md).toMatch(/\|\s*N°\s*\|\s*Risque\s*\|\s*Probabilité\s*\|\s*Impact\s*\|\s*Score\s*\|\s*Niveau\s*\|\s*Responsable\s*\|\s*Atténuation\s*\|\s*État\s*\|/)
    expect(md).toMatch(/\|\s*R1\s*\|\s*Fournisseur défaillant\s*\|\s*4\s*\|\s*5\s*\|\s*20\s*\|\s*Critique\s*\|\s*Dana\s*\|\s*Second fournisseur\s*\|\s*Ouvert\s*\|/)
    const csv = toCsv(input).split('\r\n')
    expect(csv[0]).toBe('activité,zone,texte,votes,auteur,responsable,échéance,score,notes')
  })

  it('an English board in English is unchanged in its framing', () => {
    const { input } = ENGLISH_BOARDS()[0]!
    const md = toMarkdown(input)
    expect(md).toContain('Report of December 1, 2026. Board created November 2, 2026.')
    expect(md).toMatch(/\|\s*R1\s*\|\s*Supplier fails\s*\|\s*4\s*\|\s*5\s*\|\s*20\s*\|\s*Critical\s*\|\s*Dana\s*\|\s*Second supplier\s*\|\s*Open\s*\|/)
    expect(toCsv(input).split('\r\n')[0]).toBe('activity,zone,text,votes,author,owner,due,score,notes')
  })

  it('exportBoard: ?lang wins, then the board language, then Accept-Language, then English', async () => {
    const [frRisks] = FRENCH_BOARDS()
    const [enRisks] = ENGLISH_BOARDS()
    expect((await exportBoard('md', frRisks!.input)).locale).toBe('fr')
    expect((await exportBoard('md', frRisks!.input, { locale: 'en' })).locale).toBe('en')
    expect((await exportBoard('md', frRisks!.input, { locale: 'de' })).locale).toBe('fr')
    expect((await exportBoard('csv', enRisks!.input, { acceptLanguage: 'fr-CA,fr;q=0.9' })).locale).toBe('en')
    const empty = { ...enRisks!.input, results: { activities: [], unplaced: [] } }
    const html = await exportBoard('html', empty, { acceptLanguage: 'fr-CA,fr;q=0.9,en;q=0.8' })
    expect(html.locale).toBe('fr')
    expect(html.body).toContain('<html lang="fr">')
    expect(html.contentType).toBe('text/html; charset=utf-8')
    expect((await exportBoard('md', empty)).locale).toBe('en')
  })

  it.each([
    ['fr-CA', 'fr'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE, fr;q=0.5, en;q=0.7', 'en'],
    ['de', null],
    ['', null],
    ['fr;q=0, en', 'en'],
  ])('Accept-Language %j → %j', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected)
  })
})
