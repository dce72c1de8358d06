/**
 * Serves the built client; every board URL gets the single-page app. Hashed assets are sent
 * precompressed (brotli or gzip files written at build by scripts/precompress.mjs, chosen by
 * Accept-Encoding) and cached immutably; index.html is revalidated on every load.
 */
import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from '../../shared/i18n/locale.js'
import type { Config } from '../config.js'
import type { AppEnv } from './env.js'

/** What scripts/boardPreload.mjs writes at build: the files a board page needs beyond index.html's. */
type BoardPreload = { modules: string[]; lazyModules: string[]; styles: string[]; fonts: string[]; translations: Record<string, string> }

const BOARD_PATH = /^\/b\/[^/]+\/?$/
const ASSET_PATH = /^\/assets\/[\w.-]+$/

/** The build's board preload list; an older build or a hand-made dist has none: no preloads. */
function readBoardPreload(root: string): BoardPreload | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(root, 'board-preload.json'), 'utf8')) as Partial<BoardPreload>
    const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && ASSET_PATH.test(v)) : [])
    const translations = Object.fromEntries(Object.entries(parsed.translations ?? {}).filter(([, v]) => typeof v === 'string' && ASSET_PATH.test(v)))
    return { modules: list(parsed.modules), lazyModules: list(parsed.lazyModules), styles: list(parsed.styles), fonts: list(parsed.fonts), translations }
  } catch {
    return null
  }
}

/**
 * The `<link>`s a board URL's page starts with, so that the browser fetches the board's code,
 * styles, tldraw's font and its translation (in the language the page will likely pick) while
 * the entry script evaluates. Links only: nothing inline (the CSP allows no inline script).
 */
function boardPreloadLinks(preload: BoardPreload, acceptLanguage: string | undefined): string {
  const translation = preload.translations[localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE]
  return [
    // tldraw's chunks too: compiled ahead, while the page waits for its entry scripts and the API
    // (measured: sooner on screen than fetched ahead only and compiled when imported).
    ...[...preload.modules, ...preload.lazyModules].map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    ...preload.styles.map((href) => `<link rel="preload" as="style" crossorigin href="${href}">`),
    ...preload.fonts.map((href) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="${href}">`),
    ...(translation ? [`<link rel="preload" as="fetch" crossorigin href="${translation}">`] : []),
  ].join('\n    ')
}

export function registerClientRoutes(app: Hono<AppEnv>, config: Config): void {
  const root = path.resolve(config.CLIENT_DIST_DIR)
  const indexFile = path.join(root, 'index.html')
  const relativeRoot = path.relative(process.cwd(), root) || '.'
  // index.html and the preload list, read again only when a build replaced index.html (both are
  // written by the same build): never a preload list of an older build beside a newer page.
  let page: { mtimeMs: number; html: string; preload: BoardPreload | null } | null = null
  const currentPage = () => {
    const mtimeMs = fs.statSync(indexFile).mtimeMs
    if (page?.mtimeMs !== mtimeMs) page = { mtimeMs, html: fs.readFileSync(indexFile, 'utf8'), preload: readBoardPreload(root) }
    return page
  }
  app.use(
    '/assets/*',
    serveStatic({
      root: relativeRoot,
      precompressed: true,
      // Vite names every asset by its content hash: a name never changes meaning.
      onFound: (_file, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
  )
  app.use('/tldraw/*', serveStatic({ root: relativeRoot, precompressed: true }))
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/sync/')) return next()
    if (!fs.existsSync(indexFile)) return c.text('client not built: run `npm run build`', 503)
    const staticFile = path.join(root, path.normalize(c.req.path))
    if (staticFile.startsWith(root + path.sep) && fs.existsSync(staticFile) && fs.statSync(staticFile).isFile()) {
      return serveStatic({ root: relativeRoot, precompressed: true })(c, next)
    }
    c.header('cache-control', 'no-cache')
    const { html, preload } = currentPage()
    // A board (not its projector view, `?present=`): the lobby and the space page never load tldraw.
    if (preload && BOARD_PATH.test(c.req.path) && c.req.query('present') === undefined) {
      c.header('vary', 'accept-language')
      return c.html(html.replace('</head>', `  ${boardPreloadLinks(preload, c.req.header('accept-language'))}\n  </head>`))
    }
    return c.html(html)
  })
}
