/**
 * Plain text out of tldraw rich text (TipTap / ProseMirror JSON: `{ type: 'doc', content }`).
 * Block nodes (paragraphs, headings, list items, …) become lines; `hardBreak` is a newline;
 * marks are dropped. Unknown nodes contribute their children's text, so a newer editor's node
 * types degrade to their words instead of vanishing.
 */
import type { JsonRecord } from '../docLayout.js'

type RichNode = { type?: unknown; text?: unknown; content?: unknown }

const INLINE_TYPES = new Set(['text', 'hardBreak', 'mention', 'emoji'])

function isNode(value: unknown): value is RichNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function children(node: RichNode): RichNode[] {
  return Array.isArray(node.content) ? node.content.filter(isNode) : []
}

function isInline(node: RichNode): boolean {
  return typeof node.type === 'string' && INLINE_TYPES.has(node.type)
}

function inlineText(node: RichNode): string {
  if (node.type === 'hardBreak') return '\n'
  if (typeof node.text === 'string') return node.text
  return children(node).map(inlineText).join('')
}

/** The lines of a block node: inline runs joined, nested blocks each on their own line(s). */
function blockLines(node: RichNode): string[] {
  const lines: string[] = []
  let run: string | null = null
  for (const child of children(node)) {
    if (isInline(child)) run = (run ?? '') + inlineText(child)
    else {
      if (run !== null) lines.push(run)
      run = null
      lines.push(...blockLines(child))
    }
  }
  if (run !== null) lines.push(run)
  else if (lines.length === 0 && node.type !== 'doc') lines.push('')
  return lines
}

/** The plain text of a tldraw rich-text value; anything that is not rich text gives ''. */
export function richTextToPlainText(richText: unknown): string {
  if (!isNode(richText)) return ''
  if (isInline(richText)) return inlineText(richText)
  return blockLines(richText).join('\n').replace(/\s+$/, '')
}

/** The text of a shape: `props.richText`, or a legacy `props.text` string; trimmed. */
export function shapeText(record: JsonRecord): string {
  const props = record.props
  if (typeof props !== 'object' || props === null) return ''
  const { richText, text } = props as { richText?: unknown; text?: unknown }
  if (richText !== undefined) return richTextToPlainText(richText).trim()
  return typeof text === 'string' ? text.trim() : ''
}

type Paragraph = { type: 'paragraph'; content?: Array<{ type: 'text'; text: string }> }

/**
 * Plain text as tldraw rich text: one paragraph per line, an empty line an empty paragraph
 * (the value tldraw's `toRichText` gives; test/unit/richText.test.ts holds them equal). Ours so
 * that building shapes on the server does not load `@tldraw/tlschema` (issue 18).
 */
export function plainTextToRichText(text: string): { type: 'doc'; content: Paragraph[] } {
  const paragraphs = text.split('\n').map((line): Paragraph => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] }))
  return { type: 'doc', content: paragraphs }
}
