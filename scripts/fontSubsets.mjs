/**
 * Vite plugin: Latin subsets of tldraw's draw font, made at build time (issue 18).
 *
 * Every note on a board is drawn in tldraw's draw font (Shantell Sans), 150 KB a face covering
 * Latin, Vietnamese and Cyrillic. What the people of a Canadian workshop write, in English, in
 * French and in the Latin orthographies of Indigenous languages, with the symbols people put on
 * sticky notes, is in a subset (with every glyph and layout rule it uses) about half the size.
 *
 * The module `virtual:font-subsets` exports, per face of tldraw's font asset keys
 * (`tldraw_draw`, `tldraw_draw_bold`, …), the subset's URL and the `unicode-range` it covers,
 * and `restRange`, the complement: client/board/fontsOnDemand.ts gives a face both, the subset
 * for what it covers and tldraw's whole file for the rest, which the browser downloads only
 * when a note shows a character outside the subset.
 *
 * Only Shantell Sans is subset: its licence (SIL OFL) reserves no font name. IBM Plex's does
 * ("Plex"), and the OFL counts subsetting as modifying the font.
 *
 * Subsets are cached under node_modules/.cache/font-subsets by the source's hash, so a build
 * makes them once.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

export const FONT_SUBSETS_MODULE = 'virtual:font-subsets'
const RESOLVED = `\0${FONT_SUBSETS_MODULE}`

/**
 * What the subsets hold: Basic Latin, Latin-1, Latin Extended-A and -B (the Latin orthographies
 * of Canada's Indigenous languages: ł, ǫ, the ogonek vowels), the spacing and combining
 * accents; punctuation, super- and subscripts, currency signs, letterlike symbols, fractions,
 * arrows, mathematical signs, shapes and check marks (U+2000–U+2BFF: → ≥ ✓ ● ♥, what people put
 * on sticky notes); and the ﬁ ﬂ ligature characters. Left to the whole file: Greek, Cyrillic,
 * Vietnamese's Latin Extended Additional.
 */
export const SUBSET_RANGES = [
  [0x20, 0x7e],
  [0xa0, 0x36f],
  [0x2000, 0x2bff],
  [0xfb00, 0xfb06],
]

/** tldraw's asset key → its file in @tldraw/assets/fonts. */
export const SUBSET_FACES = {
  tldraw_draw: 'Shantell_Sans-Informal_Regular.woff2',
  tldraw_draw_bold: 'Shantell_Sans-Informal_Bold.woff2',
  tldraw_draw_italic: 'Shantell_Sans-Informal_Regular_Italic.woff2',
  tldraw_draw_italic_bold: 'Shantell_Sans-Informal_Bold_Italic.woff2',
}

const hex = (n) => n.toString(16).toUpperCase()
const unicodeRange = (ranges) => ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(', ')

/** The code points of U+0–U+10FFFF outside `ranges` (sorted, not overlapping), as ranges. */
export function complement(ranges) {
  const rest = []
  let next = 0
  for (const [a, b] of ranges) {
    if (a > next) rest.push([next, a - 1])
    next = b + 1
  }
  if (next <= 0x10ffff) rest.push([next, 0x10ffff])
  return rest
}

function codePoints(ranges) {
  let text = ''
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) text += String.fromCodePoint(c)
  return text
}

export function fontSubsets({ cacheDir = path.resolve('node_modules/.cache/font-subsets') } = {}) {
  const require = createRequire(import.meta.url)
  const fontsDir = path.join(path.dirname(require.resolve('@tldraw/assets/package.json')), 'fonts')
  const subsetVersion = require('subset-font/package.json').version

  /** Makes (or finds in the cache) the subset of `file`; returns its path. */
  async function subsetOf(file) {
    const source = fs.readFileSync(path.join(fontsDir, file))
    const key = crypto.createHash('sha256').update(source).update(JSON.stringify(SUBSET_RANGES)).update(subsetVersion).digest('hex').slice(0, 16)
    const out = path.join(cacheDir, key, file.replace(/\.woff2$/, '.latin.woff2'))
    if (fs.existsSync(out)) return out
    const { default: subsetFont } = await import('subset-font')
    const subset = await subsetFont(source, codePoints(SUBSET_RANGES), { targetFormat: 'woff2' })
    fs.mkdirSync(path.dirname(out), { recursive: true })
    // Written whole then renamed: a build stopped halfway leaves no truncated font in the cache.
    fs.writeFileSync(`${out}.tmp`, subset)
    fs.renameSync(`${out}.tmp`, out)
    return out
  }

  return {
    name: 'font-subsets',
    resolveId(id) {
      return id === FONT_SUBSETS_MODULE ? RESOLVED : undefined
    },
    async load(id) {
      if (id !== RESOLVED) return undefined
      const entries = Object.entries(SUBSET_FACES)
      const files = await Promise.all(entries.map(([, file]) => subsetOf(file)))
      const range = JSON.stringify(unicodeRange(SUBSET_RANGES))
      return [
        ...files.map((file, i) => `import url${i} from ${JSON.stringify(`${file.replaceAll('\\', '/')}?url`)}`),
        `export const subsets = {`,
        ...entries.map(([key], i) => `  ${JSON.stringify(key)}: { url: url${i}, unicodeRange: ${range} },`),
        `}`,
        `export const restRange = ${JSON.stringify(unicodeRange(complement(SUBSET_RANGES)))}`,
        `export const subsetPattern = ${JSON.stringify(SUBSET_RANGES.map(([a, b]) => (a === b ? `\\u{${hex(a)}}` : `\\u{${hex(a)}}-\\u{${hex(b)}}`)).join(''))}`,
      ].join('\n')
    },
  }
}
