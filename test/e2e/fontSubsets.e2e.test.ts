/**
 * tldraw's draw font in a Latin subset first (issue 18; scripts/fontSubsets.mjs,
 * client/board/fontsOnDemand.ts): a board of English and French notes downloads the subset
 * only; the subset draws that text exactly as the whole font does; a note with emoji (which the
 * font lacks) downloads nothing more; a note in another script brings the whole file and is
 * drawn, and measured, in the draw font. A picture of the board (tldraw's SVG export, which PNG
 * exports and the report's picture are drawn from) embeds the subset, and the whole face beside
 * it only once the page holds text that needs it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtAsset, CLIENT_ASSETS_DIR } from '../helpers/paths.js'
import { createTestBoard, waitFor } from '../helpers/server.js'
import { browserSuite } from './helpers/browser.js'

const richText = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })

/** French, English, Latin Extended-A and -B, with the punctuation and signs people type. */
const LATIN_TEXT = 'Ça coûte 5 € — « l’œuvre » : Élodie, Zoë, Łukasz, Tłı̨chǫ; fine “office” affluent fjord 1–2 → ≥ ✓ ½ (ñ) Ŵ ŀ'
const CYRILLIC_TEXT = 'Привет, команда! Обсудим риски и потребности сообщества сегодня вечером'

/** The built files of the draw font's regular face: tldraw's whole file and the Latin subset. */
function regularDrawFace() {
  const whole = builtAsset(/^Shantell_Sans-Informal_Regular-[\w-]+\.woff2$/)
  const subset = builtAsset(/^Shantell_Sans-Informal_Regular\.latin-[\w-]+\.woff2$/)
  const bytes = (file: string) => fs.statSync(path.join(CLIENT_ASSETS_DIR, file)).size
  return { whole, subset, wholeBytes: bytes(whole), subsetBytes: bytes(subset) }
}

describe('the draw font in a Latin subset (issue 18)', () => {
  const suite = browserSuite()

  it('draws English, French and Latin Extended text exactly as the whole file does, in little more than half its bytes', async () => {
    const { whole, subset, wholeBytes, subsetBytes } = regularDrawFace()
    console.log(`[font subsets] draw font: whole ${wholeBytes} B, Latin subset ${subsetBytes} B`)
    expect(subsetBytes).toBeLessThan(wholeBytes * 0.6)

    const { page } = await suite.newPage()
    await page.goto(suite.url)
    const drawn = await page.evaluate(
      async ({ wholeUrl, subsetUrl, text }) => {
        const draw = async (family: string, url: string) => {
          const face = new FontFace(family, `url(${url})`)
          document.fonts.add(face)
          await face.load()
          const canvas = document.createElement('canvas')
          canvas.width = 1800
          canvas.height = 160
          const context = canvas.getContext('2d')!
          context.fillStyle = '#fff'
          context.fillRect(0, 0, canvas.width, canvas.height)
          context.fillStyle = '#000'
          // Outlines and shaping, without the platform's hinting: full Chromium on Linux
          // auto-hints an unhinted font from its whole glyph set, which moves a subset's
          // antialiasing by a fraction of a pixel (about 2 % of the ink pixels, same widths).
          context.textRendering = 'geometricPrecision'
          context.font = `28px "${family}"`
          // Half the text on each line, so that all of it is inside the canvas.
          const half = Math.ceil(text.length / 2)
          context.fillText(text.slice(0, half), 8, 60)
          context.fillText(text.slice(half), 8, 130)
          const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
          let ink = 0
          for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) ink++
          return { pixels: Array.from(pixels), ink, width: context.measureText(text).width }
        }
        const a = await draw('CanvasWholeDraw', wholeUrl)
        const b = await draw('CanvasSubsetDraw', subsetUrl)
        let differing = 0
        for (let i = 0; i < a.pixels.length; i++) if (a.pixels[i] !== b.pixels[i]) differing++
        // The fallback font, for the comparison to be able to fail.
        const fallback = document.createElement('canvas').getContext('2d')!
        fallback.font = '28px sans-serif'
        return { differing, inkWhole: a.ink, inkSubset: b.ink, widthWhole: a.width, widthSubset: b.width, widthFallback: fallback.measureText(text).width }
      },
      { wholeUrl: `/assets/${whole}`, subsetUrl: `/assets/${subset}`, text: LATIN_TEXT },
    )
    console.log(`[font subsets] ${JSON.stringify(drawn)}`)
    expect(drawn.inkWhole).toBeGreaterThan(5_000)
    expect(drawn.widthWhole).not.toBeCloseTo(drawn.widthFallback, 0)
    expect(drawn.widthSubset).toBe(drawn.widthWhole)
    expect(drawn.differing).toBe(0)
  })

  it('downloads the subset for Latin notes, nothing more for emoji, and the whole face when a note in Cyrillic needs it, measured in the draw font', async () => {
    const board = await createTestBoard(suite.url, 'Scripts', 'retro-start-stop-continue')
    const { page } = await suite.open(board.links.participant, 'Ada')
    const fonts: string[] = []
    page.on('request', (request) => {
      const file = new URL(request.url()).pathname.split('/').pop() ?? ''
      if (file.endsWith('.woff2')) fonts.push(file)
    })
    await page.evaluate((props) => void window.__editor!.createShape({ type: 'note', x: 0, y: 0, props }), { richText: richText(LATIN_TEXT) })
    await expect.poll(() => page.evaluate(() => [...document.fonts].some((f) => f.family === 'tldraw_draw' && f.status === 'loaded')), { timeout: 15_000 }).toBe(true)
    await page.waitForTimeout(1000)
    const drawFiles = () => fonts.filter((f) => f.startsWith('Shantell_Sans-'))
    // The page's preload may have fetched the subset before these listeners: either way, not the whole file.
    expect(drawFiles().every((f) => f.startsWith('Shantell_Sans-Informal_Regular.latin-'))).toBe(true)
    expect(await page.evaluate(() => [...document.fonts].filter((f) => f.family === 'tldraw_draw').map((f) => f.status).sort())).toEqual(['loaded', 'unloaded'])

    // A note with emoji, which the font lacks: nothing more is downloaded for it.
    await page.evaluate((props) => void window.__editor!.createShape({ type: 'note', x: 0, y: 300, props }), { richText: richText('Bravo 👍🎉 中文') })
    await page.waitForTimeout(1000)
    expect(drawFiles().every((f) => f.startsWith('Shantell_Sans-Informal_Regular.latin-'))).toBe(true)
    expect(await page.evaluate(() => [...document.fonts].filter((f) => f.family === 'tldraw_draw').map((f) => f.status).sort())).toEqual(['loaded', 'unloaded'])

    // A note in Cyrillic: the browser brings the whole face for it.
    const id = await page.evaluate((props) => {
      const editor = window.__editor!
      editor.createShape({ type: 'note', x: 300, y: 0, props })
      return editor.getCurrentPageShapes().find((s) => s.x === 300)!.id as string
    }, { richText: richText(CYRILLIC_TEXT) })
    await waitFor(() => fonts.some((f) => /^Shantell_Sans-Informal_Regular-[\w-]+\.woff2$/.test(f)), 15_000, 'the whole draw face, for the Cyrillic note')
    await expect.poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.family === 'tldraw_draw').every((f) => f.status === 'loaded')), { timeout: 15_000 }).toBe(true)
    // Drawn in the draw font: the same text is wider in it than in the fallback font.
    const widths = await page.evaluate((text) => {
      const context = document.createElement('canvas').getContext('2d')!
      context.font = '24px tldraw_draw'
      const draw = context.measureText(text).width
      context.font = '24px sans-serif'
      return { draw, fallback: context.measureText(text).width }
    }, CYRILLIC_TEXT)
    expect(widths.draw).not.toBeCloseTo(widths.fallback, 0)
    // Measured in it too: the note is fitted again to the height a note made now, with the font loaded, gets.
    const heights = () =>
      page.evaluate((noteId) => {
        const editor = window.__editor!
        const { richText } = editor.getShape(noteId as never)!.props as { richText: object }
        editor.createShape({ type: 'note', x: 600, y: 0, props: { richText } } as never)
        const twin = editor.getCurrentPageShapes().find((s) => s.x === 600)!
        const sizes = { note: editor.getShapeGeometry(noteId as never).bounds.h, twin: editor.getShapeGeometry(twin.id).bounds.h }
        editor.deleteShape(twin.id)
        return sizes
      }, id as string)
    await expect.poll(async () => { const h = await heights(); return h.note === h.twin }, { timeout: 5_000 }).toBe(true)
    console.log(`[font subsets] Cyrillic note's height: ${JSON.stringify(await heights())}`)
  })

  it('embeds the subset in a picture of Latin notes, drawn as the whole file draws it, and the whole face beside it once a note needs it', async () => {
    const { whole, subset, wholeBytes, subsetBytes } = regularDrawFace()
    const board = await createTestBoard(suite.url, 'Picture')
    const { page } = await suite.open(board.links.participant, 'Ada')
    const addNote = (text: string, x: number, y: number) =>
      page.evaluate((note) => void window.__editor!.createShape({ type: 'note', ...note }), { x, y, props: { richText: richText(text) } })
    await addNote(LATIN_TEXT, 0, 0)
    await addNote('Risques, besoins : « oui »', 260, 0)
    await expect.poll(() => page.evaluate(() => [...document.fonts].some((f) => f.family === 'tldraw_draw' && f.status === 'loaded')), { timeout: 15_000 }).toBe(true)

    /** The page's SVG export: its draw-font faces (range, embedded bytes), and pixels of it as exported, with the whole file instead, and with no draw font. */
    const picture = () =>
      page.evaluate(async (wholeUrl) => {
        const editor = window.__editor!
        const exported = (await editor.getSvgString([...editor.getCurrentPageShapeIds()], { background: true }))!
        const drawFace = /@font-face \{[^}]*"tldraw_draw"[^}]*\}/g
        const blocks = exported.svg.match(drawFace) ?? []
        const faces = blocks.map((block) => ({ range: /unicode-range: ([^;]+);/.exec(block)?.[1] ?? null, bytes: atob(/base64,([^"]+)"/.exec(block)![1]!).length }))
        const wholeData = await new Promise<string>((resolve) => {
          void fetch(wholeUrl).then(async (res) => {
            const reader = new FileReader()
            reader.onload = () => resolve(reader.result as string)
            reader.readAsDataURL(await res.blob())
          })
        })
        const wholeFace = blocks[0]!.replace(/\s*unicode-range: [^;]+;/, '').replace(/url\("data:[^"]+"\)/, `url("${wholeData}")`)
        // Without the platform's hinting, as in the first test: it differs between a subset and its whole font.
        const unhinted = (svg: string) => svg.replace(/<svg [^>]*>/, (tag) => `${tag}<style>* { text-rendering: geometricPrecision !important; }</style>`)
        const render = async (svg: string) => {
          const image = new Image()
          // As a data URL, as tldraw's own PNG export draws it: an SVG with HTML in it (rich text)
          // from a blob URL would taint the canvas.
          image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(unhinted(svg))}`
          await image.decode()
          const canvas = document.createElement('canvas')
          canvas.width = Math.ceil(exported.width)
          canvas.height = Math.ceil(exported.height)
          const context = canvas.getContext('2d')!
          context.drawImage(image, 0, 0)
          return context.getImageData(0, 0, canvas.width, canvas.height).data
        }
        const withoutDraw = exported.svg.replace(drawFace, '')
        const [asExported, withWhole, withNone] = await Promise.all([render(exported.svg), render(withoutDraw.replace('<style', `<style>${wholeFace}</style><style`)), render(withoutDraw)])
        const differing = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.reduce((n, value, i) => n + (value === b[i] ? 0 : 1), 0)
        return { faces, svgLength: exported.svg.length, wholeLength: withoutDraw.length + wholeFace.length, fromWhole: differing(asExported, withWhole), fromNone: differing(asExported, withNone) }
      }, `/assets/${whole}`)

    const latin = await picture()
    console.log(`[font subsets] SVG export of 2 Latin notes: ${latin.svgLength} chars, ${latin.wholeLength} with the whole face; pixels differing from the whole face's ${latin.fromWhole}, from the fallback font's ${latin.fromNone}`)
    expect(latin.faces).toEqual([{ range: expect.stringMatching(/^U\+0-36F, /), bytes: subsetBytes }])
    expect(latin.fromNone).toBeGreaterThan(1_000)
    expect(latin.fromWhole).toBe(0)

    // A note with emoji, which the font lacks: nothing more is embedded for it.
    await addNote('Bravo 👍🎉 à vous', 520, 0)
    expect((await picture()).faces).toEqual(latin.faces)

    // A note in Cyrillic: the picture embeds the whole face too, for what the subset lacks.
    await addNote(CYRILLIC_TEXT, 0, 300)
    const mixed = await picture()
    expect(mixed.faces).toEqual([
      { range: expect.stringMatching(/^U\+0-36F, /), bytes: subsetBytes },
      { range: expect.stringMatching(/U\+400-/), bytes: wholeBytes },
    ])
  })
})
