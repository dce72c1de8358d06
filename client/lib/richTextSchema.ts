/**
 * @tiptap/core as tldraw's rich-text helpers see it (scripts/richTextSchema.mjs points their
 * import here), with one change: `generateHTML` and `generateText` build the ProseMirror schema
 * of an extensions array once, not on every call. tldraw renders each note's text to HTML to
 * measure it (its font shrinks to fit), once per note: with a schema built each time, opening a
 * 200-note board spent ≈ 250 ms of the main thread resolving the same extensions 200 times
 * (issue 18, bench/browser.ts profile). A schema is immutable, so one per array can be shared.
 */
import { getHTMLFromFragment, getSchema, getText, getTextSerializersFromSchema, type Extensions, type JSONContent, type TextSerializer } from '@tiptap/core'
import { Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model'

export * from '@tiptap/core'

const schemas = new WeakMap<Extensions, Schema>()

/** The schema of `extensions`, built on first use (tldraw passes the same array every time). */
export function schemaFor(extensions: Extensions): Schema {
  let schema = schemas.get(extensions)
  if (!schema) {
    schema = getSchema(extensions)
    schemas.set(extensions, schema)
  }
  return schema
}

export function generateHTML(doc: JSONContent, extensions: Extensions): string {
  const schema = schemaFor(extensions)
  return getHTMLFromFragment(ProseMirrorNode.fromJSON(schema, doc).content, schema)
}

export function generateText(
  doc: JSONContent,
  extensions: Extensions,
  options?: { blockSeparator?: string; textSerializers?: Record<string, TextSerializer> },
): string {
  const schema = schemaFor(extensions)
  return getText(ProseMirrorNode.fromJSON(schema, doc), {
    blockSeparator: options?.blockSeparator ?? '\n\n',
    textSerializers: { ...getTextSerializersFromSchema(schema), ...options?.textSerializers },
  })
}
