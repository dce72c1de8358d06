/**
 * tldraw's fonts downloaded when a shape uses them, not all when the editor mounts (issue 18).
 *
 * `<Tldraw>` asks its FontManager for every default face as it mounts (`allDefaultFontFaces`:
 * draw, sans, serif and mono, each regular, bold, italic and bold italic): 16 files, 1.4 MB of
 * the board page's 2 MB, on every participant's phone. Every shape asks for the faces it uses
 * anyway as it renders (`FontManager.trackFontsForShape`), so only that one request, for all
 * of them at once, is dropped: a board of notes downloads the draw font and the faces its text
 * uses; a note switched to serif downloads serif then, shown in a fallback font meanwhile.
 * Held by test/e2e/opening.e2e.test.ts.
 */
import { allDefaultFontFaces, FontManager } from 'tldraw'

let installed = false

export function installFontsOnDemand(): void {
  if (installed) return
  installed = true
  const requestFonts = FontManager.prototype.requestFonts
  FontManager.prototype.requestFonts = function (this: FontManager, fonts: Parameters<FontManager['requestFonts']>[0]) {
    if (fonts === allDefaultFontFaces) return
    requestFonts.call(this, fonts)
  }
}
