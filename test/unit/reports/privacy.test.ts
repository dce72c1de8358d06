import { describe, expect, it } from 'vitest'
import { figureText, guardedMean, guardFigure, mayShow, MIN_RESPONDENTS } from '../../../server/reports/privacy.js'

describe('small-group privacy', () => {
  it('the threshold is 5 respondents', () => {
    expect(MIN_RESPONDENTS).toBe(5)
  })

  it.each([
    [0, false],
    [1, false],
    [4, false],
    [5, true],
    [6, true],
    [4.5, false],
    [Number.NaN, false],
    [-5, false],
  ])('%s respondents may be shown: %s', (n, shown) => {
    expect(mayShow(n)).toBe(shown)
  })

  it.each([
    [3.2, 4, { status: 'withheld', respondents: 4 }],
    [3.2, 5, { status: 'shown', value: 3.2, respondents: 5 }],
    [null, 4, { status: 'withheld', respondents: 4 }],
    [null, 7, { status: 'empty', respondents: 0 }],
    [Number.NaN, 7, { status: 'empty', respondents: 0 }],
    [3.2, 0, { status: 'empty', respondents: 0 }],
    [3.2, -1, { status: 'empty', respondents: 0 }],
  ])('guardFigure(%s, %s)', (value, n, expected) => {
    expect(guardFigure(value, n)).toEqual(expected)
  })

  it('means of 4 answers are withheld, of 5 shown (non-finite answers are not answers)', () => {
    expect(guardedMean([1, 2, 3, 4])).toEqual({ status: 'withheld', respondents: 4 })
    expect(guardedMean([1, 2, 3, 4, Number.NaN])).toEqual({ status: 'withheld', respondents: 4 })
    // (1 + 2 + 3 + 4 + 5) / 5 = 3
    expect(guardedMean([1, 2, 3, 4, 5])).toEqual({ status: 'shown', value: 3, respondents: 5 })
    expect(guardedMean([])).toEqual({ status: 'empty', respondents: 0 })
  })

  it('table text uses the caller’s words', () => {
    const words = { withheld: 'masqué', empty: 'aucun' }
    const format = (v: number) => v.toFixed(1)
    expect(figureText(guardFigure(3.25, 5), format, words)).toBe('3.3')
    expect(figureText(guardFigure(3.25, 4), format, words)).toBe('masqué')
    expect(figureText(guardFigure<number>(null, 0), format, words)).toBe('aucun')
    expect(figureText(guardFigure<number>(null, 0), format, { withheld: 'masqué' })).toBe('–')
  })
})
