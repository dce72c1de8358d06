import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useId, useMemo } from 'react'
import { Tldraw, useTldrawUser, type Editor, type TLComponents } from 'tldraw'
import type { Role } from '../../shared/roles'
import { useI18n } from '../i18n/I18nProvider'
import type { Identity } from '../lib/identity'
import type { StoreYjsBinding } from '../sync/StoreYjsBinding'
import type { TLStore } from 'tldraw'
import { installBatchedTextMeasure, measureStats, type MeasureStats } from './batchedTextMeasure'
import { installFontsOnDemand } from './fontsOnDemand'
import { BoardBanners } from './BoardBanners'
import { BoardContext, type BannerState, type BoardState } from './boardContext'
import { BoardPanel } from './BoardPanel'
import type { BoardConnection, ConnectionStatus } from './connection/useBoardConnection'
import { FacilitationLayer } from './facilitation/FacilitationLayer'
import { useFacilitationState } from './facilitation/useFacilitationState'
import { useCanvasAccessibility } from './hooks/useCanvasAccessibility'
import type { MountedEditor } from './hooks/useInitialFit'
import type { Person } from './hooks/usePresence'
import { BoardSheets } from './outline/BoardSheets'
import { OutlineSkipLink } from './outline/OutlineLinks'
import { BottomBar } from './phone/BottomBar'
import { usePhoneLayout } from './phone/usePhoneLayout'
import { useSheets } from './phone/useSheets'
import { ShareSheet } from './ShareSheet'

/** tldraw's fonts, icons and translations, bundled by Vite: the board works with no internet. */
const ASSET_URLS = getAssetUrlsByImport()

installBatchedTextMeasure()
installFontsOnDemand()

const TLDRAW_COMPONENTS: TLComponents = { SharePanel: BoardPanel, TopPanel: BoardBanners, InFrontOfTheCanvas: FacilitationLayer }

declare global {
  interface Window {
    /** The board's tldraw editor, for browser tests and debugging. */
    __editor?: Editor
    /** How the editor's text was measured (client/board/batchedTextMeasure.ts), for browser tests. */
    __textMeasureStats?: () => MeasureStats
  }
}

type Props = {
  boardId: string
  token: string
  role: Role
  title: string
  status: ConnectionStatus
  people: Person[]
  identity: Identity
  onChangeName: () => void
  banners: BannerState
  connection: BoardConnection
  store: TLStore
  binding: StoreYjsBinding
  onMounted: (mounted: MountedEditor | null) => void
}

/** The ready board: tldraw on the bound store, with the board context its UI slots read. */
export function BoardCanvas({ store, identity, onMounted, ...page }: Props) {
  const { locale, t } = useI18n()
  const hintId = useId()
  useCanvasAccessibility(hintId, t('board.opacity'))
  const { boardId, token, role, connection, binding } = page
  const facilitation = useFacilitationState({ boardId, token, role, name: identity.name, connection, binding })
  const user = useTldrawUser({
    userPreferences: { id: identity.id, name: identity.name, color: identity.color, locale },
  })
  const { title, status, people, onChangeName, banners } = page
  const phone = usePhoneLayout()
  const sheets = useSheets()
  const value = useMemo<BoardState>(
    () => ({ boardId, token, role, title, status, people, onChangeName, banners, connection, controlDoc: connection.control.doc, facilitation, phone, ...sheets }),
    [boardId, token, role, title, status, people, onChangeName, banners, connection, facilitation, phone, sheets],
  )
  return (
    <BoardContext.Provider value={value}>
      <OutlineSkipLink onOpen={sheets.openOutline} />
      <div className="board-canvas">
        <div className="board-canvas-area">
          <Tldraw
            store={store}
            user={user}
            assetUrls={ASSET_URLS}
            components={TLDRAW_COMPONENTS}
            onMount={(editor) => {
              window.__editor = editor
              window.__textMeasureStats = () => ({ ...measureStats(editor.textMeasure) })
              onMounted({ editor, cameraAtMount: editor.getCamera() })
              return () => onMounted(null)
            }}
          >
            <BoardSheets />
          </Tldraw>
        </div>
        {phone && <BottomBar />}
      </div>
      <p id={hintId} className="canvas-hint">
        {t('board.canvasHint')}
      </p>
      {sheets.sheet === 'share' && <ShareSheet />}
    </BoardContext.Provider>
  )
}
