import { useEffect, type RefObject } from 'react'

/**
 * When the focused control of `root` disappears (e.g. "Reveal totals" once revealed), focus
 * would fall to the page's body (WCAG 2.4.3): it goes to `fallback` instead.
 */
export function useFocusRescue(root: RefObject<HTMLElement | null>, fallback: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current
    if (!element) return
    const observer = new MutationObserver(() => {
      const active = document.activeElement
      if ((!active || active === document.body) && !document.querySelector('dialog[open]')) fallback.current?.focus()
    })
    observer.observe(element, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [root, fallback])
}
