/**
 * Serves the built client; every board URL gets the single-page app. Hashed assets are sent
 * precompressed (brotli or gzip files written at build by scripts/precompress.mjs, chosen by
 * Accept-Encoding) and cached immutably; index.html is revalidated on every load.
 */
import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { Config } from '../config.js'
import type { AppEnv } from './env.js'

export function registerClientRoutes(app: Hono<AppEnv>, config: Config): void {
  const root = path.resolve(config.CLIENT_DIST_DIR)
  const indexFile = path.join(root, 'index.html')
  const relativeRoot = path.relative(process.cwd(), root) || '.'
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
    return c.html(fs.readFileSync(indexFile, 'utf8'))
  })
}
