/**
 * Vite plugin: tldraw's rich-text helpers (tldraw/dist-esm/lib/utils/text/richText.mjs) import
 * @tiptap/core from client/lib/richTextSchema.ts instead, where generateHTML and generateText
 * build the schema of an extensions array once (see that file). Only that importer is
 * redirected: everything else, and the shim itself, gets @tiptap/core as it is.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const RICH_TEXT_SHIM = path.join(ROOT, 'client', 'lib', 'richTextSchema.ts')
const TLDRAW_RICH_TEXT = /[\\/]tldraw[\\/]dist-esm[\\/]lib[\\/]utils[\\/]text[\\/]richText\.mjs$/

export function richTextSchema() {
  return {
    name: 'rich-text-schema',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@tiptap/core' && importer && TLDRAW_RICH_TEXT.test(importer.split('?')[0])) return RICH_TEXT_SHIM
      return null
    },
  }
}
