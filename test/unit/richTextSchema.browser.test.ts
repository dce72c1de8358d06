/**
 * tldraw's rich-text helpers get @tiptap/core from client/lib/richTextSchema.ts (the Vite plugin
 * scripts/richTextSchema.mjs), whose generateHTML and generateText build a schema once per
 * extensions array (issue 18). In Chromium (the HTML serializer needs a DOM), the shim gives
 * exactly what @tiptap/core gives, for texts as notes hold them.
 */
import path from 'node:path'
import { build } from 'esbuild'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import StarterKit from '@tiptap/starter-kit'
import Link from '@tiptap/extension-link'
import { RICH_TEXT_SHIM, richTextSchema } from '../../scripts/richTextSchema.mjs'
import { schemaFor } from '../../client/lib/richTextSchema.js'
import { launchBrowser } from '../e2e/helpers/browser.js'

const para = (...content: object[]) => ({ type: 'paragraph', content })
const text = (t: string, marks?: object[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t })
const DOCS = [
  { type: 'doc', content: [{ type: 'paragraph' }] },
  { type: 'doc', content: [para(text('Start'))] },
  { type: 'doc', content: [para(text('first')), { type: 'paragraph' }, para(text('third'))] },
  { type: 'doc', content: [para(text('bold', [{ type: 'bold' }]), text(' and '), text('a link', [{ type: 'link', attrs: { href: 'https://example.org' } }]))] },
  { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [para(text('one'))] }, { type: 'listItem', content: [para(text('deux <é>'))] }] }] },
  { type: 'doc', content: [para(text('surligné', [{ type: 'highlight' }]), text(' Über 🚀 — ça'))] },
]

describe('the rich-text schema plugin', () => {
  it("redirects @tiptap/core for tldraw's rich-text helpers only", () => {
    const plugin = richTextSchema()
    const tldraw = path.resolve('node_modules/tldraw/dist-esm/lib/utils/text/richText.mjs')
    expect(plugin.resolveId('@tiptap/core', tldraw)).toBe(RICH_TEXT_SHIM)
    expect(plugin.resolveId('@tiptap/core', `${tldraw}?v=1`)).toBe(RICH_TEXT_SHIM)
    expect(plugin.resolveId('@tiptap/core', RICH_TEXT_SHIM)).toBeNull()
    expect(plugin.resolveId('@tiptap/core', path.resolve('node_modules/@tiptap/starter-kit/dist/index.js'))).toBeNull()
    expect(plugin.resolveId('@tiptap/pm/model', tldraw)).toBeNull()
  })

  it('builds one schema per extensions array', () => {
    const extensions = [StarterKit, Link]
    const schema = schemaFor(extensions)
    expect(schemaFor(extensions)).toBe(schema)
    expect(schemaFor([StarterKit, Link])).not.toBe(schema)
    expect(Object.keys(schema.nodes)).toContain('paragraph')
  })
})

describe('the shim in Chromium', () => {
  let browser: Browser
  let script: string

  beforeAll(async () => {
    const entry = [
      `import * as real from '@tiptap/core'`,
      `import * as shim from ${JSON.stringify(RICH_TEXT_SHIM)}`,
      `import StarterKit from '@tiptap/starter-kit'`,
      `import Link from '@tiptap/extension-link'`,
      `import Highlight from '@tiptap/extension-highlight'`,
      `const extensions = [StarterKit.configure({ blockquote: false, codeBlock: false, horizontalRule: false }), Link.configure({ openOnClick: false }), Highlight]`,
      `window.render = (docs) => docs.map((doc) => ({`,
      `  real: [real.generateHTML(doc, extensions), real.generateText(doc, extensions, { blockSeparator: '\\n' })],`,
      `  shim: [shim.generateHTML(doc, extensions), shim.generateText(doc, extensions, { blockSeparator: '\\n' })],`,
      `}))`,
    ].join('\n')
    const out = await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'iife', write: false, logLevel: 'silent' })
    script = out.outputFiles[0]!.text
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('gives the HTML and the text @tiptap/core gives, for every kind of note text', async () => {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><title>rich text</title>')
    await page.addScriptTag({ content: script })
    const results = await page.evaluate((docs) => (window as unknown as { render(d: unknown[]): Array<{ real: string[]; shim: string[] }> }).render(docs), DOCS)
    expect(results).toHaveLength(DOCS.length)
    for (const { real, shim } of results) expect(shim).toEqual(real)
    // The texts really went through the serializer (not two empty strings alike).
    expect(results[3]!.real[0]).toContain('<strong>bold</strong>')
    expect(results[4]!.real[1]).toContain('deux <é>')
  })
})
