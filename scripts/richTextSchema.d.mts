/** Types of scripts/richTextSchema.mjs (a plain script, like boardPreload.mjs). */
import type { Plugin } from 'vite'
export const RICH_TEXT_SHIM: string
export function richTextSchema(): Plugin & { resolveId(source: string, importer?: string): string | null }
