/**
 * Note labels measured in one layout instead of one each, and measured once (issue 18).
 *
 * tldraw sizes every note's label by measuring its text in the DOM (`TextManager.measureHtml`):
 * it writes the text into one hidden element, then reads its size, which makes the browser lay
 * the page out again, once per note, and again whenever a note's props change (its text, size
 * or font; a move keeps its geometry). Opening a board computes every note's geometry in one
 * go (culling needs every shape's bounds): a 200-note board laid the page out 200 times in a
 * row (≈ 150 ms of the main thread here; ≈ 0.7 s at 2,000 notes).
 *
 * Here the editor's first measurement on a page with notes (once per editor) measures every
 * note of the page at once instead: one copy of tldraw's measuring element per note, all
 * written, then all read (one layout). Every result is kept by what was asked (the HTML and all
 * the options), so a text that comes back (an undo, a size changed back) is not measured again.
 * Results hold only while the page's fonts stay as they were: the cache starts again as soon as
 * a font face is added or finishes loading (its status changes before tldraw hears of it and
 * measures again), and nothing is kept while a font is loading. What the batch did not foresee
 * (another shape's text, a note whose text needs a smaller font) is measured as before and
 * kept. The copies are made from tldraw's element (same classes and inline styles, same parent)
 * and styled the way `measureHtml` styles it, so they measure the same
 * (test/e2e/textMeasure.e2e.test.ts).
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

/** Results by what was asked, valid while the page's fonts are as `fonts` says. */
type Cache = { results: Map<string, Measured>; keyChars: number; fonts: string }

/**
 * One editor's text manager, as this module sees it. `batched`: its notes were measured in a
 * batch, which happens once per editor: when fonts change later, tldraw does not measure notes
 * again until their props change (it keeps their geometry until then), so measuring every note again
 * then would be wasted.
 */
type ManagerState = { cache: Cache | null; batched: boolean; counts: MeasureStats }

/** Past this many characters of keys (HTML, mostly), the cache starts again: a few MB at most. */
const MAX_KEY_CHARS = 2_000_000

const states = new WeakMap<TextManager, ManagerState>()

function stateOf(manager: TextManager): ManagerState {
  let state = states.get(manager)
  if (!state) {
    state = { cache: null, batched: false, counts: { cached: 0, alone: 0, batches: 0, batchedElements: 0 } }
    states.set(manager, state)
  }
  return state
}

/**
 * The state of the page's fonts: how many faces it has and how many are loaded, or null while
 * one is loading (a measurement then is not kept). A face's status changes before the promise
 * tldraw waits on resolves, so tldraw's measurement after a font arrives never finds a result
 * from before.
 */
function fontsState(): string | null {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts
  if (!fonts) return ''
  if (fonts.status === 'loading') return null
  let faces = 0
  let loaded = 0
  fonts.forEach((face) => {
    faces++
    if (face.status === 'loaded') loaded++
    else if (face.status === 'loading') loaded = -Infinity
  })
  return Number.isFinite(loaded) ? `${faces}:${loaded}` : null
}

/** Every option, in a fixed order: two requests share a result only if they ask the same. */
function keyOf(html: string, opts: MeasureOptions): string {
  const options = opts as unknown as Record<string, unknown>
  return JSON.stringify([html, ...Object.keys(options).sort().map((k) => [k, options[k]])])
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

/** Measures every note of the current page in one layout; false if there were fewer than two to measure. */
function measureNotes(manager: TextManager, cache: Cache, counts: MeasureStats): boolean {
  const wanted = new Map<string, { html: string; opts: MeasureOptions }>()
  // Read outside any reactive derivation: this runs inside one shape's geometry, which must not
  // come to depend on every shape of the page.
  unsafe__withoutCapture(() => {
    for (const shape of manager.editor.getCurrentPageShapes() as TLShape[]) {
      if (shape.type !== 'note') continue
      const first = firstNoteMeasure(manager, shape as TLNoteShape)
      if (!first) continue
      const key = keyOf(first.html, first.opts)
      if (!cache.results.has(key)) wanted.set(key, first)
    }
  })
  const elm = measuringElement(manager)
  const parent = elm?.parentElement
  if (wanted.size < 2 || !elm || !parent) return false
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
      keep(cache, key, { x: 0, y: 0, w: rect.width, h: rect.height, scrollWidth })
    }
  } finally {
    for (const { element } of copies) element.remove()
  }
  counts.batches++
  counts.batchedElements += copies.length
  return true
}

/** Keeps a result, unless it is empty (the container not laid out yet: measured again later). */
function keep(cache: Cache, key: string, measured: Measured): void {
  if (measured.w === 0 && measured.h === 0) return
  cache.results.set(key, { ...measured })
  cache.keyChars += key.length
}

/** The measurement counts of one editor's text manager (zero before its first measurement). */
export function measureStats(manager: TextManager): MeasureStats {
  return stateOf(manager).counts
}

/** The manager's cache for the page's fonts as they are now, or null while a font loads. */
function cacheOf(state: ManagerState): Cache | null {
  const fonts = fontsState()
  if (fonts === null) return null
  const cache = state.cache
  if (cache && cache.fonts === fonts && cache.keyChars <= MAX_KEY_CHARS) return cache
  state.cache = { results: new Map(), keyChars: 0, fonts }
  return state.cache
}

/** Whether the current task already looked for notes to batch (once per task on a page without). */
let lookedThisTask = false

let installed = false

/** Wraps tldraw's `TextManager.measureHtml` (every editor's), once; the wrapper's `alone` is tldraw's own. */
export function installBatchedTextMeasure(): void {
  if (installed) return
  installed = true
  const alone = TextManager.prototype.measureHtml
  const batched = function (this: TextManager, html: string, opts: MeasureOptions): Measured {
    const state = stateOf(this)
    const { counts } = state
    const cache = cacheOf(state)
    if (!cache) {
      counts.alone++
      return alone.call(this, html, opts)
    }
    if (!state.batched && !lookedThisTask) {
      lookedThisTask = true
      queueMicrotask(() => (lookedThisTask = false))
      try {
        state.batched = measureNotes(this, cache, counts)
      } catch {
        // A note tldraw cannot render (it fails in that note's own measurement, as before) must
        // not fail the shape being measured now: the batch is only a head start.
        state.batched = true
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
    keep(cache, key, measured)
    return measured
  }
  TextManager.prototype.measureHtml = Object.assign(batched, { alone })
}
