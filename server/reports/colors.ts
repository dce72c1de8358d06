/**
 * Colours of server-drawn charts, with the WCAG 2.x contrast arithmetic that picks a readable
 * text colour for any fill (AA asks 4.5:1 for text; every named fill below reaches it with the
 * text colour {@link textColorOn} picks).
 */

/** Text on light fills. */
export const DARK_TEXT = '#1a1a1a'
/** Text on dark fills. */
export const LIGHT_TEXT = '#ffffff'
/** Axis lines, grid and secondary text on white (≥ 4.5:1 against white). */
export const INK_MUTED = '#5f6368'
export const GRID_LINE = '#d9dce1'

/**
 * Fills for the template zone colour names (tldraw's names, as risk bands carry them). Light
 * fills take dark text, saturated ones white text.
 */
export const NAMED_FILLS: Readonly<Record<string, string>> = {
  green: '#8fd19e',
  'light-green': '#c3e8c9',
  yellow: '#f9d65c',
  orange: '#f39c4a',
  red: '#c0392b',
  'light-red': '#f4a7a0',
  violet: '#7e57c2',
  'light-violet': '#c9b6eb',
  blue: '#2f6fbd',
  'light-blue': '#a9cdf2',
  grey: '#b8bcc2',
  black: '#1a1a1a',
  white: '#ffffff',
}

/**
 * A note's fill as people saw it on the board: tldraw's light-theme note colours (a "black" note
 * is the default yellow), held equal to tldraw's own palette by test/results/boardPicture.test.ts.
 * Read here rather than from @tldraw/tlschema, which the server loads only with its first board.
 */
export const NOTE_FILLS: Readonly<Record<string, string>> = {
  black: '#fce19c',
  grey: '#c0cad3',
  'light-violet': '#dfb0f9',
  violet: '#db91fd',
  blue: '#8aa3ff',
  'light-blue': '#9bc4fd',
  yellow: '#fed49a',
  orange: '#faa475',
  green: '#6fc896',
  'light-green': '#98d08a',
  'light-red': '#f7a5a1',
  red: '#fc8282',
  white: '#ffffff',
}

/** Line and mark colours for series, in order (each ≥ 3:1 against white, for graphics). */
export const SERIES_COLORS: readonly string[] = ['#2f6fbd', '#c0392b', '#2e7d32', '#7e57c2', '#b45309']

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i

/** A colour name or `#rgb`/`#rrggbb` as a `#rrggbb` fill; anything else is grey. */
export function fillFor(color: string): string {
  const named = NAMED_FILLS[color]
  if (named) return named
  if (!HEX.test(color)) return NAMED_FILLS.grey!
  const hex = color.slice(1).toLowerCase()
  return hex.length === 3 ? `#${[...hex].map((c) => c + c).join('')}` : `#${hex}`
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(fillFor(hex).slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** The text colour, dark or white, with the higher contrast on `fill`. */
export function textColorOn(fill: string): string {
  return contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT
}
