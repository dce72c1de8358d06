/**
 * Automatic versions (issue 5, SPEC H1): while a board is being edited, a version at most every
 * AUTOSAVE_INTERVAL_MS of activity; when its last session leaves (the final compaction), one
 * more if anything changed since. Reveals save their own versions (FacilitationService).
 */
import type { Logger } from '../logger.js'
import type { Room } from '../sync/Room.js'
import type { RoomManager } from '../sync/RoomManager.js'

export class VersionKeeper {
  private readonly lastSaved = new Map<string, number>()
  private readonly dirty = new Set<string>()
  private readonly saving = new Set<string>()

  constructor(
    rooms: RoomManager,
    private readonly saveVersion: (boardId: string, label: string) => Promise<unknown>,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {
    rooms.loadedListeners.add((room) => {
      if (room.kind === 'private') return
      const boardId = room.docKey.split('/')[0]!
      if (!this.lastSaved.has(boardId)) this.lastSaved.set(boardId, Date.now())
      room.changeListeners.add(() => this.onChange(boardId))
    })
    rooms.closedListeners.add((room: Room) => {
      if (room.kind !== 'board') return
      const boardId = room.docKey
      if (this.dirty.has(boardId)) void this.save(boardId, 'Autosave (session ended)')
      this.lastSaved.delete(boardId)
    })
  }

  private onChange(boardId: string): void {
    this.dirty.add(boardId)
    const last = this.lastSaved.get(boardId) ?? 0
    if (Date.now() - last >= this.intervalMs) void this.save(boardId, 'Autosave')
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
