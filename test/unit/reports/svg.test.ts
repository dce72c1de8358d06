import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { el, escapeText, formatNumber, fragment, Markup, markdownCell, markdownTable } from '../../../server/reports/svg.js'

const HOSTILE = `<script>alert("x")</script> & 'quoted' "double"`

describe('svg builder', () => {
  it('escapes text children and attribute values', () => {
    const out = el('text', { 'aria-label': HOSTILE, x: 1.005 }, HOSTILE).toString()
    expect(out).toBe(
      '<text aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &quot;double&quot;" x="1">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &quot;double&quot;</text>',
    )
    expect(out).not.toContain('<script')
  })

  it('an attribute value cannot close its quotes and add an attribute', () => {
    const out = el('rect', { fill: '" onload="alert(1)' }).toString()
    expect(out).toBe('<rect fill="&quot; onload=&quot;alert(1)"></rect>')
  })

  it('drops characters XML forbids (control characters, lone surrogates), keeps pairs', () => {
    expect(escapeText('a\u0000b\u0007c\uD800d\uDC00e\tf\n😀')).toBe('abcde\tf\n😀')
  })

  it.each([
    ['a tag with markup', '<script>'],
    ['an attribute name with a quote', 'x" y'],
    ['an empty name', ''],
  ])('rejects %s as a name', (_, name) => {
    expect(() => el(name)).toThrow()
    expect(() => el('g', { [name]: 'v' })).toThrow()
  })

  it('leaves out null/false attributes and writes true as empty', () => {
    expect(el('g', { a: null, b: undefined, c: false, d: true, e: 0 }).toString()).toBe('<g d="" e="0"></g>')
  })

  it('nests markup, flattens lists, skips nothing-values; void HTML elements have no end tag', () => {
    const out = fragment(el('g', {}, [el('br'), null, false, 'a', [2, 'b']]), 'c').toString()
    expect(out).toBe('<g><br>a2b</g>c')
  })

  it('markup cannot be forged from outside the module', () => {
    expect(() => new Markup(Symbol('trusted markup'), '<script>')).toThrow()
  })

  it.each([
    [1.004, '1'],
    [1.005 + 1e-9, '1.01'],
    [-0.001, '0'],
    [123456789, '123456789'],
  ])('formats %s as %s', (n, text) => {
    expect(formatNumber(n)).toBe(text)
  })

  it('refuses NaN and infinity', () => {
    expect(() => formatNumber(Number.NaN)).toThrow()
    expect(() => el('rect', { x: Number.POSITIVE_INFINITY })).toThrow()
  })
})

describe('markdown cells', () => {
  it('keeps a hostile label on one line and out of HTML when rendered', () => {
    const cell = markdownCell(`a | b\n${HOSTILE} [link](javascript:alert(1)) *em*`)
    expect(cell).not.toContain('\n')
    const html = marked.parse(markdownTable(['Label', 'Value'], [[`a | b\n${HOSTILE}`, '[x](javascript:alert(1))']]), { async: false }) as string
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<a ')
    expect(html).toContain('&lt;script&gt;')
    // One row of two cells: the pipe did not split the cell.
    expect(html.match(/<td>/g)).toHaveLength(2)
  })
})
