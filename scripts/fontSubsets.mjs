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
 * and the `unicode-range` of what tldraw's whole file holds beyond it (read from the font's
 * cmap), with the same as a RegExp character class: client/board/fontsOnDemand.ts gives a face both, the subset for what it covers and the
 * whole file for the rest, which the browser downloads only when a note shows one of those
 * characters (Cyrillic, Vietnamese), and never for one the font lacks (an emoji).
 *
 * Only Shantell Sans is subset: its licence (SIL OFL) reserves no font name. IBM Plex's does
 * ("Plex"), and the OFL counts subsetting as modifying the font. The subsets keep the whole
 * `name` table, licence included.
 *
 * Subsets are cached under node_modules/.cache/font-subsets by the source's hash, so a build
 * makes them once.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

export const FONT_SUBSETS_MODULE = 'virtual:font-subsets'
/** Changed when what this file makes from the same font changes, so that the cache is made again. */
const CACHE_VERSION = 2
const RESOLVED = `\0${FONT_SUBSETS_MODULE}`

/**
 * What the subsets hold: Basic Latin, Latin-1 (with the control characters, so that a tab never
 * asks for the whole file), Latin Extended-A and -B (the Latin orthographies of Canada's
 * Indigenous languages: ł, ǫ, the ogonek vowels), the spacing and combining accents; punctuation, super- and subscripts, currency signs, letterlike symbols, fractions,
 * arrows, mathematical signs, shapes and check marks (U+2000–U+2BFF: → ≥ ✓ ● ♥, what people put
 * on sticky notes); and the ﬁ ﬂ ligature characters. Left to the whole file: Greek, Cyrillic,
 * Vietnamese's Latin Extended Additional.
 */
export const SUBSET_RANGES = [
  [0x0, 0x36f],
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
/** The inside of a RegExp character class (`u` flag) matching `ranges`. */
const characterClass = (ranges) => ranges.map(([a, b]) => (a === b ? `\\u{${hex(a)}}` : `\\u{${hex(a)}}-\\u{${hex(b)}}`)).join('')

/** Sorted code points as ranges of consecutive ones. */
export function toRanges(points) {
  const ranges = []
  for (const c of points) {
    const last = ranges[ranges.length - 1]
    if (last && c === last[1] + 1) last[1] = c
    else ranges.push([c, c])
  }
  return ranges
}

/** Where the table `tag` of an OpenType font (sfnt) starts. */
function tableOffset(sfnt, tag) {
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) if (sfnt.toString('latin1', 12 + 16 * i, 16 + 16 * i) === tag) return sfnt.readUInt32BE(20 + 16 * i)
  throw new Error(`font-subsets: the font has no ${tag} table`)
}

/** The ids of an OpenType font's `name` records: copyright (0), licence (13, 14), names, …. */
export function nameIds(sfnt) {
  const name = tableOffset(sfnt, 'name')
  const ids = new Set()
  for (let i = 0; i < sfnt.readUInt16BE(name + 2); i++) ids.add(sfnt.readUInt16BE(name + 6 + 12 * i + 6))
  return [...ids].sort((a, b) => a - b)
}

/**
 * The code points an OpenType font (sfnt) maps to glyphs: its Unicode `cmap` subtables, format
 * 4 (the Basic Multilingual Plane) and 12 (all planes).
 */
export function cmapCodePoints(sfnt) {
  const cmap = tableOffset(sfnt, 'cmap')
  const points = new Set()
  let read = 0
  for (let i = 0; i < sfnt.readUInt16BE(cmap + 2); i++) {
    const at = cmap + sfnt.readUInt32BE(cmap + 8 + 8 * i)
    const format = sfnt.readUInt16BE(at)
    if (format === 4) {
      const segments = sfnt.readUInt16BE(at + 6) / 2
      for (let j = 0; j < segments; j++) {
        const end = sfnt.readUInt16BE(at + 14 + 2 * j)
        for (let c = sfnt.readUInt16BE(at + 16 + 2 * segments + 2 * j); c <= end && c < 0xffff; c++) points.add(c)
      }
      read++
    } else if (format === 12) {
      for (let j = 0; j < sfnt.readUInt32BE(at + 12); j++) {
        const group = at + 16 + 12 * j
        for (let c = sfnt.readUInt32BE(group); c <= sfnt.readUInt32BE(group + 4); c++) points.add(c)
      }
      read++
    }
  }
  if (!read) throw new Error('font-subsets: the font has no cmap subtable of format 4 or 12')
  return [...points].sort((a, b) => a - b)
}

/**
 * What the whole file holds beyond the subset, as ranges: the `unicode-range` of its face. A
 * character in neither (an emoji) goes straight to the next font, downloading nothing.
 */
export function restRanges(points, ranges = SUBSET_RANGES) {
  return toRanges(points.filter((c) => !ranges.some(([a, b]) => a <= c && c <= b)))
}

/** The text of `ranges` given to the subsetter: without control characters (fonts draw none). */
function codePoints(ranges) {
  let text = ''
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) if (c >= 0x20 && (c < 0x7f || c > 0x9f)) text += String.fromCodePoint(c)
  return text
}

export function fontSubsets({ cacheDir = path.resolve('node_modules/.cache/font-subsets') } = {}) {
  const require = createRequire(import.meta.url)
  const fontsDir = path.join(path.dirname(require.resolve('@tldraw/assets/package.json')), 'fonts')
  const subsetVersion = require('subset-font/package.json').version

  /** Makes (or finds in the cache) the subset of `file`; returns its path and the whole file's rest. */
  async function subsetOf(file) {
    const source = fs.readFileSync(path.join(fontsDir, file))
    const key = crypto.createHash('sha256').update(`${CACHE_VERSION}`).update(source).update(JSON.stringify(SUBSET_RANGES)).update(subsetVersion).digest('hex').slice(0, 16)
    const out = path.join(cacheDir, key, file.replace(/\.woff2$/, '.latin.woff2'))
    const restFile = `${out}.rest.json`
    if (fs.existsSync(out) && fs.existsSync(restFile)) return { out, rest: JSON.parse(fs.readFileSync(restFile, 'utf8')) }
    const [{ default: subsetFont }, { default: fontverter }] = await Promise.all([import('subset-font'), import('fontverter')])
    const sfnt = await fontverter.convert(source, 'sfnt')
    // Every name record kept, not HarfBuzz's default few: the licence (SIL OFL) must travel with
    // the font, and it is in records 13 and 14.
    const subset = await subsetFont(source, codePoints(SUBSET_RANGES), { targetFormat: 'woff2', preserveNameIds: nameIds(sfnt) })
    const rest = restRanges(cmapCodePoints(sfnt))
    fs.mkdirSync(path.dirname(out), { recursive: true })
    // Written whole then renamed: a build stopped halfway leaves no truncated file in the cache.
    for (const [target, data] of [[restFile, JSON.stringify(rest)], [out, subset]]) {
      fs.writeFileSync(`${target}.tmp`, data)
      fs.renameSync(`${target}.tmp`, target)
    }
    return { out, rest }
  }

  return {
    name: 'font-subsets',
    resolveId(id) {
      return id === FONT_SUBSETS_MODULE ? RESOLVED : undefined
    },
    async load(id) {
      if (id !== RESOLVED) return undefined
      const entries = Object.entries(SUBSET_FACES)
      // One at a time: run side by side, the subsetter and fontverter's WebAssembly WOFF2
      // decoders handed HarfBuzz a corrupt font (4 cold builds of 4 failed; none one at a time).
      const made = []
      for (const [, file] of entries) made.push(await subsetOf(file))
      const range = JSON.stringify(unicodeRange(SUBSET_RANGES))
      return [
        ...made.map(({ out }, i) => `import url${i} from ${JSON.stringify(`${out.replaceAll('\\', '/')}?url`)}`),
        `export const subsets = {`,
        ...entries.map(([key], i) => `  ${JSON.stringify(key)}: { url: url${i}, unicodeRange: ${range}, restRange: ${JSON.stringify(unicodeRange(made[i].rest))}, restPattern: ${JSON.stringify(characterClass(made[i].rest))} },`),
        `}`,
        `export const subsetPattern = ${JSON.stringify(characterClass(SUBSET_RANGES))}`,
      ].join('\n')
    },
  }
}
