/**
 * Text fitting without a DOM: the server cannot measure glyphs, so widths are estimated from
 * an average advance of 0.55 em per character (system sans-serif; generous for Latin text), and
 * labels are wrapped at spaces or cut with an ellipsis to stay inside their box.
 */

const AVERAGE_ADVANCE_EM = 0.55
const ELLIPSIS = '…'

/** Estimated width in pixels of `text` at `fontSize` pixels. */
export function estimateWidth(text: string, fontSize: number): number {
  return Array.from(text).length * fontSize * AVERAGE_ADVANCE_EM
}

/** `text` cut (at a code point, never inside a surrogate pair) with an ellipsis to fit `maxWidth`. */
export function truncateToWidth(text: string, maxWidth: number, fontSize: number): string {
  const chars = Array.from(text.trim())
  const fits = Math.max(1, Math.floor(maxWidth / (fontSize * AVERAGE_ADVANCE_EM)))
  return chars.length <= fits ? chars.join('') : chars.slice(0, Math.max(0, fits - 1)).join('').trimEnd() + ELLIPSIS
}

/** `text` wrapped at spaces into at most `maxLines` lines of `maxWidth`; the last line is truncated. */
export function wrapToWidth(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let current = ''
  for (const [i, word] of words.entries()) {
    const candidate = current ? `${current} ${word}` : word
    if (estimateWidth(candidate, fontSize) <= maxWidth || !current) {
      current = candidate
      continue
    }
    if (lines.length === maxLines - 1) {
      current = `${current} ${words.slice(i).join(' ')}`
      break
    }
    lines.push(current)
    current = word
  }
  if (current) lines.push(current)
  return lines.map((line) => truncateToWidth(line, maxWidth, fontSize))
}
