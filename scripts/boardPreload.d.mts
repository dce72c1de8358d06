/** Types of scripts/boardPreload.mjs (a plain script, like precompress.mjs). */
import type { Plugin } from 'vite'
export const BOARD_PRELOAD_FILE: string
export function boardPreload(options: { page: string; lazy: string[]; fonts: string[]; locales: readonly string[] }): Plugin
