/**
 * The draw font's two faces (scripts/fontSubsets.mjs): the Latin subset's ranges hold what
 * French, English and Tłı̨chǫ notes are written with; the whole file's face covers exactly what
 * the font has beyond them (read from its cmap), so no character of the font is left to the
 * fallback font, none downloads both files, and one the font lacks (an emoji) downloads neither;
 * the built subsets keep the fonts' copyright and licence.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import fontverter from 'fontverter'
import { describe, expect, it } from 'vitest'
import { builtAsset, CLIENT_ASSETS_DIR } from '../helpers/paths.js'
import { cmapCodePoints, nameIds, restRanges, SUBSET_FACES, SUBSET_RANGES, toRanges } from '../../scripts/fontSubsets.mjs'

const inRanges = (ranges: [number, number][], c: number) => ranges.some(([a, b]) => a <= c && c <= b)
const fontsDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@tldraw/assets/package.json')), 'fonts')

describe('the draw font subset ranges', () => {
  it('hold the letters and signs of English, French and Tłı̨chǫ text, and not Cyrillic or Vietnamese', () => {
    const text = 'À bientôt ! Ça coûte 12,50 $ ou 9 € — « l’œuvre », Zoë, naïve, Ÿ, fiancée’s “café”…\t½ °C ™ → ≥ ✓ Tłı̨chǫ'
    expect([...text].filter((ch) => !inRanges(SUBSET_RANGES, ch.codePointAt(0)!))).toEqual([])
    expect(inRanges(SUBSET_RANGES, 'Ж'.codePointAt(0)!)).toBe(false)
    expect(inRanges(SUBSET_RANGES, 'ệ'.codePointAt(0)!)).toBe(false)
  })

  it('leave to the whole file exactly what the font has beyond them', async () => {
    for (const file of Object.values(SUBSET_FACES)) {
      const font = cmapCodePoints(await fontverter.convert(fs.readFileSync(path.join(fontsDir, file)), 'sfnt'))
      // Shantell Sans: Latin, Vietnamese, Cyrillic, Greek letters, symbols (837 characters).
      expect(font.length).toBeGreaterThan(700)
      expect(font).toContain('Ж'.codePointAt(0))
      const rest = restRanges(font)
      const covered = font.filter((c) => inRanges(SUBSET_RANGES, c) || inRanges(rest, c))
      expect(covered).toEqual(font)
      expect(rest.flatMap(([a, b]) => [a, b]).filter((c) => inRanges(SUBSET_RANGES, c))).toEqual([])
      expect(inRanges(rest, 'Ж'.codePointAt(0)!)).toBe(true)
      expect(inRanges(rest, 'ệ'.codePointAt(0)!)).toBe(true)
      expect(inRanges(rest, '👍'.codePointAt(0)!)).toBe(false)
      expect(inRanges(rest, '中'.codePointAt(0)!)).toBe(false)
    }
  })

  it('keep, in the built subsets, the fonts\' copyright and licence (and every other name record)', async () => {
    for (const file of Object.values(SUBSET_FACES)) {
      const subsetFile = builtAsset(new RegExp(`^${file.replace(/\.woff2$/, '')}\\.latin-[\\w-]+\\.woff2$`))
      const whole = nameIds(await fontverter.convert(fs.readFileSync(path.join(fontsDir, file)), 'sfnt'))
      const subset = nameIds(await fontverter.convert(fs.readFileSync(path.join(CLIENT_ASSETS_DIR, subsetFile)), 'sfnt'))
      expect(whole).toEqual(expect.arrayContaining([0, 13, 14]))
      expect(subset).toEqual(whole)
    }
  })

  it('make ranges of consecutive code points', () => {
    expect(toRanges([1, 2, 3, 7, 9, 10])).toEqual([[1, 3], [7, 7], [9, 10]])
    expect(toRanges([])).toEqual([])
  })
})
