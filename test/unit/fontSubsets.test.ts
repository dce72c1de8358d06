/**
 * The draw font's two faces (scripts/fontSubsets.mjs): the Latin subset's ranges and the rest
 * cover every code point exactly once, so no character is left to the fallback font and none
 * downloads both files; and the subset holds what French and English notes are written with.
 */
import { describe, expect, it } from 'vitest'
import { complement, SUBSET_RANGES } from '../../scripts/fontSubsets.mjs'

const inRanges = (ranges: [number, number][], c: number) => ranges.some(([a, b]) => a <= c && c <= b)

describe('the draw font subset ranges', () => {
  it('split U+0–U+10FFFF in two without overlap or gap', () => {
    const rest = complement(SUBSET_RANGES)
    let both = 0
    let neither = 0
    for (let c = 0; c <= 0x10ffff; c += c < 0x3000 ? 1 : 97) {
      const inSubset = inRanges(SUBSET_RANGES, c)
      const inRest = inRanges(rest, c)
      if (inSubset && inRest) both++
      if (!inSubset && !inRest) neither++
    }
    expect({ both, neither }).toEqual({ both: 0, neither: 0 })
    expect(inRanges(rest, 0x10ffff)).toBe(true)
    expect(rest.every(([a, b]) => a <= b)).toBe(true)
  })

  it('hold the letters and signs of English, French and Tłı̨chǫ text, and not Cyrillic or Vietnamese', () => {
    const text = 'À bientôt ! Ça coûte 12,50 $ ou 9 € — « l’œuvre », Zoë, naïve, Ÿ, fiancée’s “café”… ½ °C ™ → ≥ ✓ Tłı̨chǫ'
    const outside = [...text].filter((ch) => !inRanges(SUBSET_RANGES, ch.codePointAt(0)!))
    expect(outside).toEqual([])
    expect(inRanges(SUBSET_RANGES, 'Ж'.codePointAt(0)!)).toBe(false)
    expect(inRanges(SUBSET_RANGES, 'ệ'.codePointAt(0)!)).toBe(false)
  })
})
