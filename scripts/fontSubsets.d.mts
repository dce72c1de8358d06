/** Types of scripts/fontSubsets.mjs (a plain script, like precompress.mjs). */
import type { Plugin } from 'vite'
export const FONT_SUBSETS_MODULE: string
export const SUBSET_RANGES: [number, number][]
export const SUBSET_FACES: Record<string, string>
export function toRanges(points: number[]): [number, number][]
export function cmapCodePoints(sfnt: Buffer): number[]
export function nameIds(sfnt: Buffer): number[]
export function restRanges(points: number[], ranges?: [number, number][]): [number, number][]
export function fontSubsets(options?: { cacheDir?: string }): Plugin
