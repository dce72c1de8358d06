/** Types of scripts/precompress.mjs (a plain script, also run by Node without a build). */
import type { Plugin } from 'vite'
export function precompressDir(dir: string): number
export function precompress(): Plugin
