/**
 * A tiny builder for SVG and HTML fragments drawn by the server (reports, charts).
 *
 * Safety contract: the only way to make {@link Markup} is {@link el} (an element whose text
 * children and attribute values are escaped here) or {@link fragment} of other markup. Plain
 * strings given as children are always text, never markup; no caller concatenates unescaped
 * input into a string. Characters that XML 1.0 forbids (control characters, lone surrogates)
 * are dropped so that a standalone `.svg` always parses.
 */

/** Markup that is safe to embed: built only by {@link el} and {@link fragment}. */
export class Markup {
  readonly #html: string
  /** Callable only with this module's private key symbol. */
  constructor(key: symbol, html: string) {
    if (key !== TRUSTED) throw new Error('Markup is made with el() or fragment()')
    this.#html = html
  }
  toString(): string {
    return this.#html
  }
}

const TRUSTED = Symbol('trusted markup')
const trusted = (html: string) => new Markup(TRUSTED, html)

/** A child of an element: markup, text (escaped), a number, nothing, or a list of those. */
export type Child = Markup | string | number | null | undefined | false | readonly Child[]

/** Attribute values: `null`, `undefined` and `false` leave the attribute out, `true` writes it empty. */
export type AttrValue = string | number | boolean | null | undefined
export type Attrs = Readonly<Record<string, AttrValue>>

// Control characters other than tab, newline and carriage return; U+FFFE/U+FFFF; lone surrogates.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const NAME = /^[A-Za-z][A-Za-z0-9:-]*$/

/** Text for an element's content or an attribute value: escaped, XML-invalid characters dropped. */
export function escapeText(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c] ?? c)
}

/**
 * A number as SVG writes it: at most two decimals, no exponent, no `-0`. Throws on NaN or
 * infinity, a programming error (chart code checks its data before drawing).
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`)
  const rounded = Math.round(value * 100) / 100
  return String(Object.is(rounded, -0) ? 0 : rounded)
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`invalid element or attribute name: ${JSON.stringify(name)}`)
  return name
}

function renderAttrs(attrs: Attrs): string {
  let out = ''
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue
    checkName(name)
    if (value === true) out += ` ${name}=""`
    else out += ` ${name}="${typeof value === 'number' ? formatNumber(value) : escapeText(value)}"`
  }
  return out
}

function renderChild(child: Child): string {
  if (child === null || child === undefined || child === false) return ''
  if (child instanceof Markup) return child.toString()
  if (typeof child === 'number') return formatNumber(child)
  if (typeof child === 'string') return escapeText(child)
  return child.map(renderChild).join('')
}

// HTML void elements are written without a closing tag; every other element gets one (an empty
// `<td/>` would not close in HTML, while `<rect></rect>` is valid SVG inline and standalone).
const VOID_HTML = new Set(['br', 'col', 'hr', 'img', 'meta'])

/** An element. `tag` and attribute names are fixed by the code (checked); values and text are escaped. */
export function el(tag: string, attrs: Attrs = {}, ...children: Child[]): Markup {
  checkName(tag)
  const inner = children.map(renderChild).join('')
  if (VOID_HTML.has(tag)) return trusted(`<${tag}${renderAttrs(attrs)}>`)
  return trusted(`<${tag}${renderAttrs(attrs)}>${inner}</${tag}>`)
}

/** Several children as one piece of markup. */
export function fragment(...children: Child[]): Markup {
  return trusted(children.map(renderChild).join(''))
}

export const SVG_NS = 'http://www.w3.org/2000/svg'

/**
 * Escapes text for one cell of a Markdown table: on one line, with the characters that Markdown
 * or inline HTML would interpret backslash-escaped (CommonMark renders `\<` as `<`), so a label
 * cannot break the row nor become a link, emphasis or an HTML tag.
 */
export function markdownCell(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|&~!#]/g, (c) => `\\${c}`)
}

/** A Markdown table (header row, then rows), every cell escaped with {@link markdownCell}. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => markdownCell(c) || ' ').join(' | ')} |`
  const divider = `| ${header.map(() => '---').join(' | ')} |`
  return [line(header), divider, ...rows.map(line)].join('\n') + '\n'
}
