/**
 * tldraw's fonts downloaded when a shape uses them, not all when the editor mounts, and its
 * draw font in a Latin subset first (issue 18).
 *
 * `<Tldraw>` asks its FontManager for every default face as it mounts (`allDefaultFontFaces`:
 * draw, sans, serif and mono, each regular, bold, italic and bold italic): 16 files, 1.4 MB of
 * the board page's 2 MB, on every participant's phone. Every shape asks for the faces it uses
 * anyway as it renders (`FontManager.trackFontsForShape`), so only that one request, for all
 * of them at once, is dropped: a board of notes downloads the draw font and the faces its text
 * uses; a note switched to serif downloads serif then, shown in a fallback font meanwhile.
 *
 * The draw font's faces (every note's) are each split in two faces of the same family, as a
 * web font service serves them: the build's Latin subset (scripts/fontSubsets.mjs) for the
 * Latin text of English, French and Indigenous languages' orthographies, and tldraw's whole
 * file for what it holds beyond (its other characters, read from the font at build time).
 * tldraw loads the subset; the browser downloads the whole file only when a note shows one of
 * those characters (Cyrillic, Vietnamese), and that note is drawn in the draw font all the
 * same; a character the font lacks (an emoji) downloads neither. Pictures of the board (SVG and
 * PNG exports, the report's picture) embed the subset the same way, and the whole file beside
 * it only when a shape on the page has text beyond the subset.
 * Held by test/e2e/opening.e2e.test.ts and test/e2e/fontSubsets.e2e.test.ts.
 */
import { allDefaultFontFaces, type Editor, FontManager, renderPlaintextFromRichText, type TLFontFace, type TLNoteShape } from 'tldraw'
import { subsetPattern, subsets } from 'virtual:font-subsets'

/** tldraw's private parts this file uses (pinned tldraw 3.15.x). */
type FontManagerInternals = {
  editor: Editor
  assetUrls?: Record<string, string | undefined>
  findOrCreateFontFace(font: TLFontFace): FontFace
  fontStates: { update(font: TLFontFace, updater: (state: object) => object): void }
  getFontState(font: TLFontFace): object | null
}

let installed = false

/** The faces made here, by tldraw's asset key, so that a board opened again reuses them. */
const splitFaces = new Map<string, { latin: FontFace; rest: FontFace }>()

export function installFontsOnDemand(): void {
  if (installed) return
  installed = true
  const requestFonts = FontManager.prototype.requestFonts
  FontManager.prototype.requestFonts = function (this: FontManager, fonts: Parameters<FontManager['requestFonts']>[0]) {
    if (fonts === allDefaultFontFaces) return
    requestFonts.call(this, fonts)
  }

  const internals = FontManager.prototype as unknown as FontManagerInternals
  const findOrCreateFontFace = internals.findOrCreateFontFace
  internals.findOrCreateFontFace = function (this: FontManagerInternals, font: TLFontFace): FontFace {
    const subset = subsets[font.src.url]
    if (!subset) return findOrCreateFontFace.call(this, font)
    let faces = splitFaces.get(font.src.url)
    if (!faces || !document.fonts.has(faces.latin)) {
      faces = makeSplitFaces(font, subset, this.assetUrls?.[font.src.url] ?? font.src.url)
      splitFaces.set(font.src.url, faces)
    }
    // tldraw measures a shape again when the state of a face it uses changes, not when the
    // browser brings the rest of the font for a character outside the subset: that arrival is
    // told to tldraw as a change of the face's state, so that text in Cyrillic is measured in
    // the draw font, not kept at its fallback font's size; and the notes that show such
    // characters are fitted to it again (a note keeps its height in the document).
    faces.rest.loaded.then(
      () => {
        if (this.editor.isDisposed || !this.getFontState(font)) return
        this.fontStates.update(font, (state) => ({ ...state }))
        refitNotes(this.editor, font.family)
      },
      () => undefined,
    )
    return faces.latin
  }

  // An export embeds each face its shapes use as a data URL (tldraw's whole file: 204 KB of
  // base64 for one draw face). A draw face is embedded as its subset, with its range, and the
  // whole file only for a page with text beyond it (the export's shapes are not known here).
  const toEmbeddedCssDeclaration = FontManager.prototype.toEmbeddedCssDeclaration
  FontManager.prototype.toEmbeddedCssDeclaration = async function (this: FontManager, font: TLFontFace): Promise<string> {
    const subset = subsets[font.src.url]
    if (!subset) return toEmbeddedCssDeclaration.call(this, font)
    const latin = toEmbeddedCssDeclaration.call(this, { ...font, src: { ...font.src, url: subset.url }, unicodeRange: subset.unicodeRange })
    const editor = (this as unknown as FontManagerInternals).editor
    const rest = pageHasText(editor, font, restPattern(subset.restPattern)) ? toEmbeddedCssDeclaration.call(this, { ...font, unicodeRange: subset.restRange }) : null
    return (await Promise.all([latin, rest])).filter((declaration) => declaration !== null).join('\n')
  }
}

/** Whether a shape on the current page that uses `font` has text that `pattern` finds. */
function pageHasText(editor: Editor, font: TLFontFace, pattern: RegExp): boolean {
  return editor.getCurrentPageShapes().some((shape) => editor.fonts.getShapeFontFaces(shape).includes(font) && pattern.test(editor.getShapeUtil(shape).getText(shape) ?? ''))
}

const restPatterns = new Map<string, RegExp>()

/** A face's rest (a character class from the build) as a RegExp that finds any of its characters. */
function restPattern(characters: string): RegExp {
  let pattern = restPatterns.get(characters)
  if (!pattern) restPatterns.set(characters, (pattern = new RegExp(`[${characters}]`, 'u')))
  return pattern
}

const outsideSubset = new RegExp(`[^${subsetPattern}\\s]`, 'u')

/**
 * Fits again, as tldraw does when a note's text changes, the notes in `family` whose text has
 * characters outside the subset: measured with the fallback font while the rest of the font
 * was on its way, their height would cut their text now that it is drawn in the draw font.
 */
function refitNotes(editor: Editor, family: string): void {
  if (editor.getIsReadonly()) return
  const util = editor.getShapeUtil<TLNoteShape>('note')
  const refitted: TLNoteShape[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (!editor.isShapeOfType<TLNoteShape>(shape, 'note') || `tldraw_${shape.props.font}` !== family) continue
    if (editor.isShapeOrAncestorLocked(shape) || !outsideSubset.test(renderPlaintextFromRichText(editor, shape.props.richText))) continue
    // tldraw's own fitting, as for a note whose font changed; on a copy, as tldraw keeps a
    // note's label size by its record.
    const fitted = util.onBeforeUpdate?.({ ...shape, props: { ...shape.props, font: shape.props.font === 'draw' ? 'sans' : 'draw' } }, { ...shape })
    if (fitted) refitted.push(fitted)
  }
  if (refitted.length) editor.run(() => editor.updateShapes(refitted), { history: 'ignore' })
}

function makeSplitFaces(font: TLFontFace, subset: { url: string; unicodeRange: string; restRange: string }, whole: string): { latin: FontFace; rest: FontFace } {
  const descriptors: FontFaceDescriptors = {
    style: font.style ?? 'normal',
    weight: font.weight ?? 'normal',
    stretch: font.stretch ?? 'normal',
    featureSettings: font.featureSettings ?? 'normal',
    ascentOverride: font.ascentOverride ?? 'normal',
    descentOverride: font.descentOverride ?? 'normal',
    lineGapOverride: font.lineGapOverride ?? 'normal',
    display: 'swap',
  }
  const latin = new FontFace(font.family, `url(${JSON.stringify(subset.url)})`, { ...descriptors, unicodeRange: subset.unicodeRange })
  const rest = new FontFace(font.family, `url(${JSON.stringify(whole)})`, { ...descriptors, unicodeRange: subset.restRange })
  document.fonts.add(latin)
  document.fonts.add(rest)
  return { latin, rest }
}
