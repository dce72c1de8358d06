/**
 * The benchmark floor: tldraw loading the same 2,000-note board from a JSON snapshot, no sync.
 * Built by bench/browser/vite.config.ts; the snapshot is served next to it as snapshot.json.
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { Tldraw, type Editor, type TLStoreSnapshot } from 'tldraw'
import 'tldraw/tldraw.css'

const ASSET_URLS = getAssetUrlsByImport()

declare global {
  interface Window {
    __editor?: Editor
  }
}

function Floor() {
  const [snapshot, setSnapshot] = useState<TLStoreSnapshot | null>(null)
  useEffect(() => {
    void fetch('./snapshot.json')
      .then((res) => res.json() as Promise<TLStoreSnapshot>)
      .then(setSnapshot)
  }, [])
  if (!snapshot) return null
  return (
    <div style={{ position: 'fixed', inset: 0 }}>
      <Tldraw
        snapshot={snapshot}
        assetUrls={ASSET_URLS}
        onMount={(editor) => {
          window.__editor = editor
          // As the board page does: open on the whole board.
          if (editor.getCurrentPageShapeIds().size > 0) editor.zoomToFit({ animation: { duration: 0 } })
        }}
      />
    </div>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Floor />
  </StrictMode>,
)
