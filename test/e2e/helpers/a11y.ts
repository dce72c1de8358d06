/**
 * Accessibility checks in real Chromium: axe-core (the npm package, injected into the page) with
 * the WCAG 2.0/2.1/2.2 A and AA tags, its findings split into the app's own and tldraw's; and the
 * reflow check of WCAG 1.4.10 (no sideways page scrolling, every control reachable).
 */
import axe from 'axe-core'
import type { Browser, Page } from 'playwright-core'
import { CATALOGUES, type Locale, type MessageKey } from '../../../client/i18n/messages.js'

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** One axe finding: the rule and the element (its CSS path). */
export type Finding = { rule: string; target: string; impact: string | null; summary: string }
export type AxeReport = { own: Finding[]; tldraw: Finding[] }

/** The app's own chrome inside tldraw's layout: panels rendered in tldraw's slots. */
const OWN_ROOTS = '.board-panel, .fac-dock, dialog, .results-panel, [data-app-ui]'

/**
 * Runs axe on the whole page. A finding belongs to tldraw when its element is inside tldraw's
 * container (`.tl-container`) and not inside one of the app's panels placed there.
 */
export async function runAxe(page: Page): Promise<AxeReport> {
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded) await page.addScriptTag({ content: axe.source })
  const raw = await page.evaluate(
    async ({ tags, ownRoots }) => {
      const w = window as unknown as { axe: typeof import('axe-core') }
      const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      return result.violations.flatMap((v) =>
        v.nodes.map((n) => {
          const selector = n.target.map(String).join(' ')
          let element: Element | null = null
          try {
            element = document.querySelector(String(n.target[n.target.length - 1]))
          } catch {
            element = null
          }
          const tldraw = element !== null && element.closest('.tl-container') !== null && element.closest(ownRoots) === null
          return { rule: v.id, target: selector, impact: n.impact ?? null, summary: n.failureSummary ?? '', tldraw }
        }),
      )
    },
    { tags: AXE_TAGS, ownRoots: OWN_ROOTS },
  )
  const strip = ({ tldraw: _, ...f }: Finding & { tldraw: boolean }): Finding => f
  return { own: raw.filter((f) => !f.tldraw).map(strip), tldraw: raw.filter((f) => f.tldraw).map(strip) }
}

/** The catalogue text of `key` in `locale`, for finding controls by their name in either language. */
export function say(locale: Locale, key: MessageKey): string {
  return CATALOGUES[locale][key]
}

/** A page that can take axe's script (the app's CSP forbids inline scripts; the test bypasses it). */
export async function openA11yPage(browser: Browser, options: { locale: Locale; width?: number; height?: number; scale?: number }): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    deviceScaleFactor: options.scale ?? 1,
    locale: options.locale === 'fr' ? 'fr-CA' : 'en-CA',
    bypassCSP: true,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  // The machine running browser tests is shared: a first load may be slow.
  page.setDefaultNavigationTimeout(90_000)
  return page
}

export type Reflow = {
  /** `document.documentElement.scrollWidth` − `clientWidth` (page scrolls sideways when > 0). */
  overflowX: number
  /** Controls that cannot be brought into view, or stay covered by something else. */
  unreachable: string[]
  checked: number
}

/**
 * WCAG 1.4.10 on the current page: the page does not scroll sideways, and every visible control
 * of the app (outside tldraw's own canvas UI) can be scrolled into the viewport (by its scrolling
 * container) and is then the element found at its centre, not hidden under another layer.
 * With `within` (a selector), only the controls inside that element are checked (a sheet that
 * covers the page behind it on a phone).
 */
export async function measureReflow(page: Page, within?: string): Promise<Reflow> {
  return page.evaluate(async ({ ownRoots, within }) => {
    const root = document.documentElement
    const overflowX = root.scrollWidth - root.clientWidth
    const scope = within ? document.querySelector(within) : document
    if (!scope) throw new Error(`nothing matches ${within}`)
    const controls = Array.from(scope.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'))
    const app = controls.filter((el) => {
      if (el.closest('.tl-container') && !el.closest(ownRoots)) return false
      if (el.closest('[hidden], [inert]')) return false
      if (el instanceof HTMLInputElement && el.type === 'hidden') return false
      // With modals stacked (a dialog opened from a phone's sheet), only the top one is usable.
      const opens = document.querySelectorAll('dialog[open]')
      const open = opens[opens.length - 1]
      if (open && !open.contains(el)) return false
      return el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true }) && !el.classList.contains('visually-hidden') && !el.closest('.visually-hidden')
    })
    const unreachable: string[] = []
    const describe = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" in ${el.closest('[class]')?.className ?? ''}`
    for (const el of app) {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      await new Promise((r) => requestAnimationFrame(() => r(null)))
      const box = el.getBoundingClientRect()
      // A skip link is meant to be off screen until focused.
      if (el.classList.contains('skip-link')) continue
      const inView = box.width > 0 && box.height > 0 && box.left >= -1 && box.top >= -1 && box.right <= window.innerWidth + 1 && box.bottom <= window.innerHeight + 1
      const cx = Math.min(Math.max(box.left + Math.min(box.width / 2, 8), 0), window.innerWidth - 1)
      const cy = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1)
      const hit = document.elementFromPoint(cx, cy)
      const label = el.closest('label')
      const onTop = hit !== null && (el.contains(hit) || hit.contains(el) || (label !== null && label.contains(hit)))
      if (!inView || !onTop) unreachable.push(`${describe(el)}${inView ? ' (covered by ' + (hit?.className || hit?.tagName) + ')' : ` (at ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)})`}`)
    }
    return { overflowX, unreachable, checked: app.length }
  }, { ownRoots: OWN_ROOTS, within })
}
