/**
 * Vite plugin: writes `board-preload.json` beside the built client, the files a board page
 * needs beyond what index.html already loads, so that the server can name them in a board URL's
 * index.html (server/http/clientRoutes.ts) and the browser fetches them while the entry script
 * evaluates, instead of one after the other as the page discovers them:
 *
 *   modules: the chunks of the board page (its static imports too)
 *   lazyModules: those of its tldraw part, which the page imports once its websockets are opening
 *   styles: the CSS those chunks import
 *   fonts: the tldraw faces nearly every board draws at once: its notes' (the draw font's Latin
 *     subset, scripts/fontSubsets.mjs) and its activities' labels' (sans), each named by how its
 *     source file's path ends; the others are downloaded when a shape uses them (client/board/fontsOnDemand.ts)
 *   translations: tldraw's translation file per locale of the app (fetched before its UI shows)
 */
import path from 'node:path'

export const BOARD_PRELOAD_FILE = 'board-preload.json'

/**
 * `page`: the board page's module (relative to the Vite root); `lazy`: the modules it imports
 * later (its tldraw part).
 */
export function boardPreload({ page, lazy, fonts, locales }) {
  return {
    name: 'board-preload',
    apply: 'build',
    generateBundle(outputOptions, bundle) {
      const files = Object.values(bundle)
      const chunks = new Map(files.filter((f) => f.type === 'chunk').map((c) => [c.fileName, c]))
      const closure = (roots) => {
        const seen = new Set()
        const visit = (name) => {
          if (seen.has(name) || !chunks.has(name)) return
          seen.add(name)
          for (const dep of chunks.get(name).imports) visit(dep)
        }
        for (const root of roots) visit(root)
        return seen
      }
      // What index.html loads already (the entry and its static imports) is not listed again.
      const loaded = closure([...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName))
      const root = this.environment?.config.root ?? process.cwd()
      const chunkOf = (entry) => {
        const id = path.resolve(root, entry)
        const chunk = [...chunks.values()].find((c) => c.facadeModuleId === id)
        if (!chunk) this.error(`board-preload: no chunk for ${id}`)
        return chunk.fileName
      }
      const modules = [...closure([chunkOf(page)])].filter((name) => !loaded.has(name))
      const lazyModules = [...closure(lazy.map(chunkOf))].filter((name) => !loaded.has(name) && !modules.includes(name))
      const styles = [...new Set([...modules, ...lazyModules].flatMap((name) => [...(chunks.get(name).viteMetadata?.importedCss ?? [])]))]
      const assets = files.filter((f) => f.type === 'asset')
      const assetFrom = (suffix) => assets.find((a) => (a.originalFileNames ?? []).some((n) => n.replaceAll('\\', '/').endsWith(suffix)))?.fileName
      const fontFiles = fonts.map((font) => assetFrom(font) ?? this.error(`board-preload: no font asset ending with ${font}`))
      const translations = Object.fromEntries(locales.flatMap((locale) => {
        const file = assetFrom(`/@tldraw/assets/translations/${locale}.json`)
        return file ? [[locale, `/${file}`]] : []
      }))
      const manifest = { modules: modules.map((m) => `/${m}`), lazyModules: lazyModules.map((m) => `/${m}`), styles: styles.map((s) => `/${s}`), fonts: fontFiles.map((f) => `/${f}`), translations }
      this.emitFile({ type: 'asset', fileName: BOARD_PRELOAD_FILE, source: `${JSON.stringify(manifest, null, 2)}\n` })
    },
  }
}
