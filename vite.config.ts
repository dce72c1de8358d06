import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { LOCALES } from './shared/i18n/locale'
import { boardPreload } from './scripts/boardPreload.mjs'
import { fontSubsets } from './scripts/fontSubsets.mjs'
import { precompress } from './scripts/precompress.mjs'
import { richTextSchema } from './scripts/richTextSchema.mjs'

export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // tldraw's note and text measuring builds the rich-text schema once, not once per shape.
    richTextSchema(),
    // tldraw's draw font in a Latin subset first (client/board/fontsOnDemand.ts).
    fontSubsets(),
    // What a board URL's index.html preloads (server/http/clientRoutes.ts): the board page, its tldraw part, the Latin subset of tldraw's draw font, its sans font and translations.
    boardPreload({ page: 'board/BoardPage.tsx', lazy: ['board/BoardView.tsx'], fonts: ['/Shantell_Sans-Informal_Regular.latin.woff2', '/@tldraw/assets/fonts/IBMPlexSans-Medium.woff2'], locales: LOCALES }),
    precompress(),
  ],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // tldraw fetch()es its translation JSON; inlined as data: URLs it would be blocked by the CSP (connect-src 'self').
    assetsInlineLimit: (file: string) => (file.endsWith('.json') ? false : undefined),
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/sync': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
})
