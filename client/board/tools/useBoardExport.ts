import { useCallback, useState } from 'react'
import type { Editor } from 'tldraw'
import type { Role } from '../../../shared/roles'
import { boardImageDataUrl, exportPng, exportSvg, shapesToExport, type ImageScope } from './boardImage'
import { downloadServerExport, putBoardImage, type ServerExportFormat } from '../../api/boards'
import { fileNameFor, saveBlob } from './download'
import { errorMessage } from '../../api/http'

export type ExportStatus = { state: 'idle' } | { state: 'busy' } | { state: 'done'; fileName: string } | { state: 'failed'; reason: string } | { state: 'empty' }

/**
 * Stores a picture of the whole board for the printable report. Only the facilitator does it:
 * a participant's page may show their private notes, which must never leave their browser.
 */
async function storeBoardImage(editor: Editor, boardId: string, token: string, role: Role): Promise<void> {
  if (role !== 'facilitator') return
  const dataUrl = await boardImageDataUrl(editor)
  if (dataUrl) await putBoardImage(boardId, token, dataUrl)
}

/** Downloads: the server's formats (fetched with the token in a header) and PNG/SVG made here. */
export function useBoardExport(options: { editor: Editor; boardId: string; token: string; role: Role; title: string; voteTotals?: Readonly<Record<string, number>> }) {
  const { editor, boardId, token, role, title, voteTotals } = options
  const [status, setStatus] = useState<ExportStatus>({ state: 'idle' })

  const run = useCallback(async (task: () => Promise<string | null>) => {
    setStatus({ state: 'busy' })
    try {
      const fileName = await task()
      setStatus(fileName ? { state: 'done', fileName } : { state: 'empty' })
    } catch (error) {
      setStatus({ state: 'failed', reason: errorMessage(error) })
    }
  }, [])

  const downloadFormat = useCallback(
    (format: ServerExportFormat, lang?: 'en' | 'fr') =>
      run(async () => {
        // The printable report embeds the board picture: refresh it first (best effort).
        if (format === 'html') await storeBoardImage(editor, boardId, token, role).catch(() => undefined)
        const { blob, fileName } = await downloadServerExport(boardId, token, format, lang)
        saveBlob(blob, fileName)
        return fileName
      }),
    [run, editor, boardId, token, role],
  )

  const downloadImage = useCallback(
    (format: 'png' | 'svg', scope: ImageScope) =>
      run(async () => {
        const ids = shapesToExport(editor, scope)
        const blob = format === 'png' ? await exportPng(editor, ids, 1, voteTotals) : await exportSvg(editor, ids, voteTotals)
        if (!blob) return null
        const fileName = fileNameFor(title, format)
        saveBlob(blob, fileName)
        if (format === 'png' && scope === 'board') await storeBoardImage(editor, boardId, token, role).catch(() => undefined)
        return fileName
      }),
    [run, editor, boardId, token, role, title, voteTotals],
  )

  return { status, downloadFormat, downloadImage }
}
