import { useEffect, type RefObject } from 'react'

/**
 * WCAG 2.4.3: when the focused control inside `container` disappears (the "Open vote" button once
 * the vote is open, "Start private writing" once it has started…), focus would fall to the
 * page's body and a keyboard or screen-reader user would start again from the top. Instead it
 * goes to the heading of the section that held it (`section h2, h3`, made focusable with
 * `tabIndex=-1` here), else to the container's own first heading.
 */
export function useFocusRescue(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current
    if (!root) return
    let last: { element: HTMLElement; section: HTMLElement | null } | null = null
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) last = { element: event.target, section: event.target.closest('section') }
    }
    const rescue = () => {
      if (!last || last.element.isConnected) return
      const active = document.activeElement
      if (active && active !== document.body) return
      const section = last.section?.isConnected ? last.section : null
      const heading = section?.querySelector<HTMLElement>('h2, h3') ?? root.querySelector<HTMLElement>('h2, h3')
      last = null
      if (!heading) return
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
      heading.focus()
    }
    const observer = new MutationObserver(rescue)
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'disabled'] })
    root.addEventListener('focusin', onFocusIn)
    return () => {
      observer.disconnect()
      root.removeEventListener('focusin', onFocusIn)
    }
  }, [container])
}
