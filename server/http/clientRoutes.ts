/** Serves the built client; every board URL gets the single-page app. */
import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { Config } from '../config.js'
import type { AppEnv } from './env.js'

export function registerClientRoutes(app: Hono<AppEnv>, config: Config): void {
  const root = path.resolve(config.CLIENT_DIST_DIR)
  const indexFile = path.join(root, 'index.html')
  app.use('/assets/*', serveStatic({ root: path.relative(process.cwd(), root) || '.' }))
  app.use('/tldraw/*', serveStatic({ root: path.relative(process.cwd(), root) || '.' }))
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/sync/')) return next()
    if (!fs.existsSync(indexFile)) return c.text('client not built: run `npm run build`', 503)
    const staticFile = path.join(root, path.normalize(c.req.path))
    if (staticFile.startsWith(root + path.sep) && fs.existsSync(staticFile) && fs.statSync(staticFile).isFile()) {
      return serveStatic({ root: path.relative(process.cwd(), root) || '.' })(c, next)
    }
    return c.html(fs.readFileSync(indexFile, 'utf8'))
  })
}
