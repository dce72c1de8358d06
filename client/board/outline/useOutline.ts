import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import { richTextToPlainText } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import type { StoreYjsBinding } from '../../sync/StoreYjsBinding'
import { currentActivities, isTemplateShape } from '../activities/boardRecords'
import { buildOutline, type Outline, type OutlineNote } from './outlineModel'

/** The outline is rebuilt at most this often while notes change (a drag changes the store every frame). */
const OUTLINE_THROTTLE_MS = 250

function readNotes(editor: Editor, binding: StoreYjsBinding): OutlineNote[] {
  const notes: OutlineNote[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'note' || isTemplateShape(shape)) continue
    const bounds = editor.getShapePageBounds(shape)
    if (!bounds) continue
    const author = shape.meta?.author
    notes.push({
      id: shape.id,
      text: 'richText' in shape.props ? richTextToPlainText(shape.props.richText).trim() : '',
      author: typeof author === 'string' && author.trim() !== '' ? author : null,
      isPrivate: binding.isPrivateRecord(shape.id),
      center: { x: bounds.center.x, y: bounds.center.y },
    })
  }
  return notes
}

/** The board's outline, live (throttled) from the editor's store. */
export function useOutline(editor: Editor, binding: StoreYjsBinding): Outline {
  const { t } = useI18n()
  const compute = () => buildOutline(t, currentActivities(editor), readNotes(editor, binding), editor.getCurrentPageId())
  const [outline, setOutline] = useState<Outline>(compute)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const refresh = () => {
      timer = null
      setOutline(buildOutline(t, currentActivities(editor), readNotes(editor, binding), editor.getCurrentPageId()))
    }
    const schedule = () => {
      timer ??= setTimeout(refresh, OUTLINE_THROTTLE_MS)
    }
    refresh()
    const stopStore = editor.store.listen(schedule, { scope: 'document' })
    const stopPage = editor.sideEffects.registerAfterChangeHandler('instance', schedule)
    return () => {
      stopStore()
      stopPage()
      if (timer) clearTimeout(timer)
    }
  }, [editor, binding, t])
  return outline
}
