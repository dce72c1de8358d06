/** Builds the benchmark floor page (bench/browser/floor.html) into bench/.work/floor-dist. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: path.resolve(here, '../.work/floor-dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    rollupOptions: { input: path.resolve(here, 'floor.html') },
    // As the app's config: tldraw fetch()es its translation JSON.
    assetsInlineLimit: (file: string) => (file.endsWith('.json') ? false : undefined),
  },
})
