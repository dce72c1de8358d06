import { useEffect } from 'react'

/**
 * Accessible names and descriptions tldraw's own DOM lacks, added where tldraw renders it (a
 * MutationObserver, because tldraw re-renders its panels at will):
 * - the canvas container is described by the visible "how to leave the canvas" hint (2.4.3/2.1.2);
 * - the style panel's opacity slider gets a name (4.1.2: a `role="slider"` thumb with none).
 */
export function useCanvasAccessibility(hintId: string, opacityLabel: string): void {
  useEffect(() => {
    const patch = () => {
      const container = document.querySelector<HTMLElement>('.tl-container')
      if (container && container.getAttribute('aria-describedby') !== hintId) container.setAttribute('aria-describedby', hintId)
      for (const slider of document.querySelectorAll<HTMLElement>('.tlui-style-panel [role="slider"]')) {
        if (slider.getAttribute('aria-label') !== opacityLabel) slider.setAttribute('aria-label', opacityLabel)
      }
    }
    patch()
    const observer = new MutationObserver(patch)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [hintId, opacityLabel])
}
