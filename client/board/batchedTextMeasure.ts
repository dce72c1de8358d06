/**
 * Note labels measured in one layout instead of one each, and measured once (issue 18).
 *
 * tldraw sizes every note's label by measuring its text in the DOM (`TextManager.measureHtml`):
 * it writes the text into one hidden element, then reads its size, which makes the browser lay
 * the page out again, once per note, and again whenever the note changes (a move makes a new
 * record, measured anew). Opening a board computes every note's geometry in one go (culling
 * needs every shape's bounds): a 200-note board laid the page out 200 times in a row (≈ 150 ms
 * of the main thread here; ≈ 0.7 s at 2,000 notes).
 *
 * Here the editor's first measurement measures every note of the page at once instead: one copy
 * of tldraw's measuring element per note, all written, then all read (one layout). Every result
 * is kept by what was asked (the HTML and the options), so a note moved or re-rendered with the
 * same text is not measured again; the results are dropped when the page finishes loading a
 * font (the same text may then measure differently), and the next measurement batches again.
 * What the batch did not foresee (another shape's text, a note whose text needs a smaller font)
 * is measured as before and kept: a wrong guess costs time, never a wrong size. The copies are
 * made from tldraw's element (same classes and inline styles, same parent) and styled the way
 * `measureHtml` styles it, so they measure the same (test/e2e/textMeasure.e2e.test.ts).
 */
import {
  FONT_FAMILIES,
  LABEL_FONT_SIZES,
  renderHtmlFromRichTextForMeasurement,
  TEXT_PROPS,
  TextManager,
  unsafe__withoutCapture,
  type TLNoteShape,
  type TLShape,
} from 'tldraw'

type MeasureOptions = Parameters<TextManager['measureHtml']>[1]
type Measured = ReturnType<TextManager['measureHtml']>

/** tldraw's note label constants (not exported): a note is 200 px, its label padded by 16. */
const NOTE_SIZE = 200
const LABEL_PADDING = 16

/** Counts, for tests and profiling: answers from the cache, measurements alone, batches and their elements. */
export type MeasureStats = { cached: number; alone: number; batches: number; batchedElements: number }

/** Results by what was asked, valid while the page's fonts stay as they were. */
type Cache = { results: Map<string, Measured>; primed: boolean; fontsGeneration: number }

/** Past this many results, the cache starts again (a board's distinct labels are far fewer). */
const MAX_RESULTS = 20_000

const caches = new WeakMap<TextManager, Cache>()
const stats = new WeakMap<TextManager, MeasureStats>()

/** Bumped whenever the page finished loading fonts: what was measured before may have changed. */
let fontsGeneration = 0

function keyOf(html: string, opts: MeasureOptions): string {
  return JSON.stringify([
    html,
    opts.fontFamily,
    opts.fontStyle,
    opts.fontWeight,
    opts.fontSize,
    opts.lineHeight,
    opts.padding,
    opts.maxWidth ?? null,
    opts.minWidth ?? null,
    opts.disableOverflowWrapBreaking ?? false,
    opts.measureScrollWidth ?? false,
    opts.otherStyles ?? null,
  ])
}

/** The inline styles `measureHtml` gives its element for `opts` (undefined: left as it is). */
function stylesFor(opts: MeasureOptions): Record<string, string | undefined> {
  return {
    'font-family': opts.fontFamily,
    'font-style': opts.fontStyle,
    'font-weight': opts.fontWeight,
    'font-size': opts.fontSize + 'px',
    'line-height': opts.lineHeight.toString(),
    padding: opts.padding,
    'max-width': opts.maxWidth ? opts.maxWidth + 'px' : undefined,
    'min-width': opts.minWidth ? opts.minWidth + 'px' : undefined,
    'overflow-wrap': opts.disableOverflowWrapBreaking ? 'normal' : undefined,
    ...opts.otherStyles,
  }
}

/** What tldraw's note asks first for a note's label (NoteShapeUtil's getNoteLabelSize, first try). */
function firstNoteMeasure(manager: TextManager, note: TLNoteShape): { html: string; opts: MeasureOptions } | null {
  // An empty label is not measured (tldraw's isEmptyRichText, not exported).
  const content = note.props.richText.content as Array<{ content?: unknown }>
  if (content.length === 1 && !content[0]?.content) return null
  return {
    html: renderHtmlFromRichTextForMeasurement(manager.editor, note.props.richText),
    opts: {
      ...TEXT_PROPS,
      fontFamily: FONT_FAMILIES[note.props.font],
      fontSize: LABEL_FONT_SIZES[note.props.size],
      maxWidth: NOTE_SIZE - LABEL_PADDING * 2 - 1,
      disableOverflowWrapBreaking: true,
      measureScrollWidth: true,
    },
  }
}

/** tldraw's measuring element (private in its types; null if a later tldraw has none). */
function measuringElement(manager: TextManager): HTMLElement | null {
  const elm = (manager as unknown as { elm?: unknown }).elm
  return elm instanceof HTMLElement ? elm : null
}

/** Measures every note of the current page in one layout. */
function measureNotes(manager: TextManager, results: Map<string, Measured>, counts: MeasureStats): void {
  const wanted = new Map<string, { html: string; opts: MeasureOptions }>()
  // Read outside any reactive derivation: this runs inside one shape's geometry, which must not
  // come to depend on every shape of the page.
  unsafe__withoutCapture(() => {
    for (const shape of manager.editor.getCurrentPageShapes() as TLShape[]) {
      if (shape.type !== 'note') continue
      const first = firstNoteMeasure(manager, shape as TLNoteShape)
      if (!first) continue
      const key = keyOf(first.html, first.opts)
      if (!results.has(key)) wanted.set(key, first)
    }
  })
  const elm = measuringElement(manager)
  const parent = elm?.parentElement
  if (wanted.size < 2 || !elm || !parent) return
  const copies: Array<{ key: string; element: HTMLElement; measureScrollWidth: boolean }> = []
  const fragment = document.createDocumentFragment()
  for (const [key, { html, opts }] of wanted) {
    const element = elm.cloneNode(false) as HTMLElement
    for (const [property, value] of Object.entries(stylesFor(opts))) if (typeof value === 'string') element.style.setProperty(property, value)
    element.innerHTML = html
    fragment.appendChild(element)
    copies.push({ key, element, measureScrollWidth: opts.measureScrollWidth === true })
  }
  parent.appendChild(fragment)
  try {
    for (const { key, element, measureScrollWidth } of copies) {
      const scrollWidth = measureScrollWidth ? element.scrollWidth : 0
      const rect = element.getBoundingClientRect()
      results.set(key, { x: 0, y: 0, w: rect.width, h: rect.height, scrollWidth })
    }
  } finally {
    for (const { element } of copies) element.remove()
  }
  counts.batches++
  counts.batchedElements += copies.length
}

/** The measurement counts of one editor's text manager (zero before its first measurement). */
export function measureStats(manager: TextManager): MeasureStats {
  let counts = stats.get(manager)
  if (!counts) {
    counts = { cached: 0, alone: 0, batches: 0, batchedElements: 0 }
    stats.set(manager, counts)
  }
  return counts
}

function cacheOf(manager: TextManager): Cache {
  let cache = caches.get(manager)
  if (!cache || cache.fontsGeneration !== fontsGeneration || cache.results.size > MAX_RESULTS) {
    cache = { results: new Map(), primed: false, fontsGeneration }
    caches.set(manager, cache)
  }
  return cache
}

let installed = false

/** Wraps tldraw's `TextManager.measureHtml` (every editor's), once; the wrapper's `alone` is tldraw's own. */
export function installBatchedTextMeasure(): void {
  if (installed) return
  installed = true
  document.fonts?.addEventListener('loadingdone', () => fontsGeneration++)
  const alone = TextManager.prototype.measureHtml
  const batched = function (this: TextManager, html: string, opts: MeasureOptions): Measured {
    const counts = measureStats(this)
    const cache = cacheOf(this)
    if (!cache.primed) {
      cache.primed = true
      try {
        measureNotes(this, cache.results, counts)
      } catch {
        // A note tldraw cannot render (it fails in that note's own measurement, as before) must
        // not fail the shape being measured now: the batch is only a head start.
      }
    }
    const key = keyOf(html, opts)
    const found = cache.results.get(key)
    if (found) {
      counts.cached++
      return { ...found }
    }
    counts.alone++
    const measured = alone.call(this, html, opts)
    cache.results.set(key, { ...measured })
    return measured
  }
  TextManager.prototype.measureHtml = Object.assign(batched, { alone })
}
