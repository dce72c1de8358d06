/**
 * Automatic versions (issue 5, SPEC H1): while a board is being edited, a version at most every
 * AUTOSAVE_INTERVAL_MS of activity; when its last session leaves (the final compaction), one
 * more if anything changed since. Reveals save their own versions (FacilitationService).
 * A RoomExtension, registered in server/server.ts.
 */
import type { Logger } from '../logger.js'
import type { Room } from '../sync/Room.js'
import type { RoomExtension } from '../sync/RoomExtension.js'
import { SYSTEM_VERSION_LABELS } from '../../shared/versionLabels.js'

/** The board a doc belongs to (every doc key starts with its board id, see shared/roles.docKey). */
function boardOf(room: Room): string {
  return room.docKey.split('/')[0]!
}

export class VersionKeeper implements RoomExtension {
  readonly name = 'versions'
  private readonly lastSaved = new Map<string, number>()
  private readonly dirty = new Set<string>()
  private readonly saving = new Set<string>()

  constructor(
    private readonly saveVersion: (boardId: string, label: string) => Promise<unknown>,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  onLoad(room: Room): void {
    if (room.kind === 'private') return
    const boardId = boardOf(room)
    if (!this.lastSaved.has(boardId)) this.lastSaved.set(boardId, Date.now())
  }

  onChange(room: Room): void {
    if (room.kind === 'private') return
    const boardId = boardOf(room)
    this.dirty.add(boardId)
    const last = this.lastSaved.get(boardId) ?? 0
    if (Date.now() - last >= this.intervalMs) void this.save(boardId, SYSTEM_VERSION_LABELS.autosave)
  }

  onUnload(room: Room): void {
    if (room.kind !== 'board') return
    const boardId = boardOf(room)
    if (this.dirty.has(boardId)) void this.save(boardId, SYSTEM_VERSION_LABELS.sessionEnded)
    this.lastSaved.delete(boardId)
  }

  private async save(boardId: string, label: string): Promise<void> {
    if (this.saving.has(boardId)) return
    this.saving.add(boardId)
    this.lastSaved.set(boardId, Date.now())
    this.dirty.delete(boardId)
    try {
      await this.saveVersion(boardId, label)
    } catch (error) {
      this.logger.error({ boardId, err: String(error) }, 'autosave failed')
    } finally {
      this.saving.delete(boardId)
    }
  }
}
