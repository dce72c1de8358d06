/** Types of scripts/fontSubsets.mjs (a plain script, like precompress.mjs). */
import type { Plugin } from 'vite'
export const FONT_SUBSETS_MODULE: string
export const SUBSET_RANGES: [number, number][]
export const SUBSET_FACES: Record<string, string>
export function complement(ranges: [number, number][]): [number, number][]
export function fontSubsets(options?: { cacheDir?: string }): Plugin
