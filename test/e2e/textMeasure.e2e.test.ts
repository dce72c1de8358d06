/**
 * Note labels measured in one batch when a board opens (client/board/batchedTextMeasure.ts), in
 * real Chromium: the batch answers tldraw's measurements, and every note's label gets the size
 * tldraw's own one-at-a-time measurement gives it, for every size and font, short, wrapping,
 * shrinking (a long word) and several-line labels, in English and French, with emoji.
 */
import { getIndices } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import { getRecordsMap, writeRecord } from '../../shared/docLayout.js'
import { noteRecord } from '../../shared/notes.js'
import { builtAsset } from '../helpers/paths.js'
import { connectProvider, createTestBoard, waitFor, waitForSync } from '../helpers/server.js'
import { browserSuite } from './helpers/browser.js'

const TEXTS = [
  'Go',
  'Slow CI',
  'Les participants veulent un résumé clair à la fin de chaque séance',
  'Supercalifragilisticexpialidociousinterdepartmentalcoordination',
  'First line\nSecond line\nThird line',
  'Budget 🎯 approuvé ✅',
  'A fairly long sentence that wraps over several lines of the sticky note and makes it grow taller than it is wide',
  'Risque : délais',
]
const SIZES = ['s', 'm', 'l', 'xl'] as const
const FONTS = ['draw', 'sans', 'serif', 'mono'] as const

type Label = { id: string; w: number; h: number }

describe('note labels measured in one batch (issue 18)', () => {
  const suite = browserSuite()

  it('answers tldraw from one batch when the board opens, with the sizes tldraw measures itself', async () => {
    const board = await createTestBoard(suite.url, 'Measured notes')
    const writer = connectProvider(suite.url, board.id, board.tokens.facilitator)
    await waitForSync(writer)
    const records = getRecordsMap(writer.doc)
    const count = TEXTS.length * SIZES.length
    const indices = getIndices(count + 1)
    writer.doc.transact(() => {
      for (let i = 0; i < count; i++) {
        const note = noteRecord({ id: `m${i}`, text: TEXTS[i % TEXTS.length]!, x: (i % 8) * 240, y: Math.floor(i / 8) * 420, index: indices[i + 1] })
        const props = note.props as Record<string, unknown>
        writeRecord(records, { ...note, props: { ...props, size: SIZES[Math.floor(i / TEXTS.length)], font: FONTS[i % FONTS.length] } })
      }
    })
    // Stored before the page opens: a second client sees every note.
    const reader = connectProvider(suite.url, board.id, board.tokens.facilitator)
    await waitForSync(reader)
    await waitFor(() => [...getRecordsMap(reader.doc).keys()].filter((k) => k.startsWith('shape:m')).length === count, 10_000, 'the notes stored')
    reader.destroy()
    writer.destroy()

    const { page } = await suite.open(board.links.facilitator, 'Ada')
    await page.waitForFunction((n) => (window.__editor?.getCurrentPageShapes().filter((s) => s.type === 'note').length ?? 0) >= n, count)
    const labels = () =>
      page.evaluate(() => {
        const editor = window.__editor!
        return editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'note')
          .map((s) => {
            const label = (editor.getShapeGeometry(s) as unknown as { children: Array<{ bounds: { w: number; h: number } }> }).children[1]!.bounds
            return { id: s.id, w: label.w, h: label.h }
          })
      })
    await page.waitForFunction(() => (window.__textMeasureStats?.().batches ?? 0) >= 1)
    const atOpen = await page.evaluate(() => window.__textMeasureStats!())
    console.log(`[text measure] at open: ${JSON.stringify(atOpen)}`)
    // Every note's label went into one batch when the board opened, and tldraw's measurements
    // were answered from it (a note whose long word needs a smaller font is measured again at
    // each smaller size).
    expect(atOpen.batches).toBe(1)
    expect(atOpen.batchedElements).toBe(count)
    expect(atOpen.cached).toBeGreaterThanOrEqual(count - SIZES.length * 2)

    // The comparison needs the same fonts on both sides: the four families are loaded first
    // (tldraw loads the sans, serif and mono ones when first drawn). The editor then gets a new
    // text manager, as a newly opened board would (one batch per editor), and every note is
    // changed (a new record) so that tldraw measures it again: through a batch first, then
    // with tldraw's own method.
    const remeasure = (tag: string) =>
      page.evaluate(async (tag) => {
        const editor = window.__editor!
        const container = document.querySelector('.tl-container')!
        await Promise.all(['draw', 'sans', 'serif', 'mono'].map((f) => document.fonts.load(`22px ${getComputedStyle(container).getPropertyValue(`--tl-font-${f}`)}`)))
        await document.fonts.ready
        const notes = editor.getCurrentPageShapes().filter((s) => s.type === 'note')
        editor.run(() => editor.updateShapes(notes.map((s) => ({ id: s.id, type: 'note', meta: { ...s.meta, remeasured: tag } }))), { history: 'ignore' })
      }, tag)
    await page.evaluate(() => {
      const editor = window.__editor! as unknown as { textMeasure: { dispose(): void; constructor: new (editor: unknown) => unknown } }
      const Manager = editor.textMeasure.constructor
      editor.textMeasure.dispose()
      editor.textMeasure = new Manager(editor) as typeof editor.textMeasure
    })
    await remeasure('batched')
    const batched: Label[] = await labels()
    const afterBatch = await page.evaluate(() => window.__textMeasureStats!())
    console.log(`[text measure] new manager, fonts loaded: ${JSON.stringify(afterBatch)}`)
    expect(afterBatch.batches).toBe(1)
    expect(afterBatch.batchedElements).toBe(count)

    // tldraw's own measurement, one note at a time (the unpatched method on this editor).
    await page.evaluate(() => {
      const manager = window.__editor!.textMeasure as unknown as { measureHtml: unknown }
      manager.measureHtml = (Object.getPrototypeOf(manager) as { measureHtml: { alone: unknown } }).measureHtml.alone
    })
    await remeasure('alone')
    const alone: Label[] = await labels()
    // The batched method was not called: these are tldraw's own sizes.
    expect((await page.evaluate(() => window.__textMeasureStats!())).alone).toBe(afterBatch.alone)
    expect(alone).toHaveLength(count)
    const round = (l: Label) => ({ id: l.id, w: Math.round(l.w * 100) / 100, h: Math.round(l.h * 100) / 100 })
    expect(batched.map(round)).toEqual(alone.map(round))
    // The measurements differ from note to note: the comparison is not between constants.
    expect(new Set(alone.map((l) => Math.round(l.h))).size).toBeGreaterThan(4)
  })

  it('measures again, as tldraw does, as soon as a font arrives: nothing measured with the fallback font is reused', async () => {
    const board = await createTestBoard(suite.url, 'A font arrives')
    const { page } = await suite.open(board.links.facilitator, 'Ada')
    const font = builtAsset(/^IBMPlexMono-Bold-[\w-]+\.woff2$/)
    expect(font).toBeDefined()
    const sizes = await page.evaluate(async (url) => {
      const manager = window.__editor!.textMeasure
      const alone = (Object.getPrototypeOf(manager) as { measureHtml: { alone: typeof manager.measureHtml } }).measureHtml.alone
      const html = '<div class="tl-rich-text"><p>Mmmmm iiiii WWWWW</p></div>'
      const opts = { fontFamily: 'CanvasLateFont, serif', fontStyle: 'normal', fontWeight: 'normal', fontSize: 40, lineHeight: 1.35, padding: '0px', maxWidth: null }
      const before = manager.measureHtml(html, opts)
      const face = new FontFace('CanvasLateFont', `url(${url})`)
      document.fonts.add(face)
      await face.load()
      // tldraw measures again as soon as the font's promise resolves, before the browser's
      // "loading done" event: so does this, in the same turn.
      const after = manager.measureHtml(html, opts)
      return { before: before.w, after: after.w, tldraw: alone.call(manager, html, opts).w }
    }, `/assets/${font}`)
    console.log(`[text measure] a late font: ${JSON.stringify(sizes)}`)
    // The font changes the width: the comparison is not between equal numbers.
    expect(Math.abs(sizes.tldraw - sizes.before)).toBeGreaterThan(5)
    expect(sizes.after).toBeCloseTo(sizes.tldraw, 2)
  })
})
