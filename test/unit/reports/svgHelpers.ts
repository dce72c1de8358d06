/**
 * Reading server-drawn SVG in tests without a DOM: the elements of one tag with their attributes
 * and text, found by regular expressions (the builder writes `name="value"` attributes only).
 */
export interface Element {
  attrs: Record<string, string>
  /** The element's inner markup, tags included. */
  inner: string
  /** The inner text with tags removed and entities decoded. */
  text: string
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
export const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)

function attrsOf(source: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of source.matchAll(/([A-Za-z][A-Za-z0-9:-]*)="([^"]*)"/g)) attrs[m[1]!] = decode(m[2]!)
  return attrs
}

/** Elements `<tag …>…</tag>` (not nested in themselves). */
export function elements(markup: string, tag: string): Element[] {
  const re = new RegExp(`<${tag}((?:\\s[^>]*)?)>([\\s\\S]*?)</${tag}>`, 'g')
  return [...markup.matchAll(re)].map((m) => ({ attrs: attrsOf(m[1] ?? ''), inner: m[2] ?? '', text: decode((m[2] ?? '').replace(/<[^>]*>/g, '')) }))
}

/** WCAG contrast ratio, written here independently of server/reports/colors.ts. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number]
  return (x + 0.05) / (y + 0.05)
}
