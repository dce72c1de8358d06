/**
 * Pairs and small groups for a plan's `pairs` / `groups` phase (issue 15). The people present
 * are the participants with a live socket on their private doc (docs/DECISIONS.md): the
 * server knows those, a client cannot add names to them. Each group gets a space on the board
 * (a locked rectangle in the control doc, below the step's activity) and is published in the
 * control doc's `state.groups`; every page shows "You are with …".
 */
import { plainTextToRichText } from '../../shared/activities/richText.js'
import * as Y from 'yjs'
import { DEFAULT_PAGE_ID } from '../../shared/boardSchemaCore.js'
import { getMetaMap, getRecordsMap, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { PROFILE_MAP, STATE_MAP } from '../../shared/facilitation.js'
import { GROUPS_STATE_KEY, groupingOrder, readGroupsState, splitIntoGroups, type GroupMember, type GroupsState } from '../../shared/groups.js'
import type { PhaseRef, PlanStep } from '../../shared/plan.js'
import { readActivities } from '../../shared/activities/index.js'
import { FACILITATOR_OWNED_KEY, publicParticipantId } from '../facilitation/FacilitationService.js'
import type { Room } from '../sync/Room.js'
import type { RoomExtension } from '../sync/RoomExtension.js'
import type { RoomManager } from '../sync/RoomManager.js'
import { readBoardRecords, readDoc, SERVER_ORIGIN, withBoardDocs, type BoardDocsDeps } from './boardDocs.js'

/** Shape ids of group spaces start with this; a new grouping replaces the old spaces. */
export const GROUP_SPACE_PREFIX = 'shape:plan-group-'
const SPACE_W = 640
const SPACE_H = 420
const SPACE_GAP = 40

/**
 * The private-doc rooms loaded per board, kept from the rooms' load and unload (a RoomExtension,
 * registered in server/server.ts).
 */
export class PrivateRooms implements RoomExtension {
  readonly name = 'plan-groups'
  private readonly byBoard = new Map<string, Set<Room>>()

  constructor(private readonly rooms: RoomManager) {}

  onLoad(room: Room): void {
    if (room.kind !== 'private') return
    const boardId = room.docKey.split('/')[0]!
    let set = this.byBoard.get(boardId)
    if (!set) this.byBoard.set(boardId, (set = new Set()))
    set.add(room)
  }

  onUnload(room: Room): void {
    if (room.kind !== 'private') return
    const boardId = room.docKey.split('/')[0]!
    const set = this.byBoard.get(boardId)
    set?.delete(room)
    if (set?.size === 0) this.byBoard.delete(boardId)
  }

  /**
   * The participants present on a board: a private doc with an open participant socket, not a
   * facilitator's (no facilitator session on it, not marked as one). Named from its profile.
   */
  present(boardId: string): GroupMember[] {
    const out: GroupMember[] = []
    for (const room of this.byBoard.get(boardId) ?? []) {
      if (this.rooms.getLoaded(room.docKey) !== room) continue
      const roles = [...room.sessions].map((s) => s.grant.role)
      if (!roles.includes('participant') || roles.includes('facilitator')) continue
      const doc = new Y.Doc()
      Y.applyUpdate(doc, room.encodeState())
      const facilitator = getMetaMap(doc).get(FACILITATOR_OWNED_KEY) === true
      const name = doc.getMap(PROFILE_MAP).get('name')
      doc.destroy()
      if (facilitator) continue
      out.push({ id: publicParticipantId(room.docKey), name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 60) : 'Participant' })
    }
    return out
  }
}

export type GroupDeps = BoardDocsDeps & { privateRooms: PrivateRooms }

function spaceRecord(index: number, members: readonly GroupMember[], x: number, y: number, pageId: string, label: string): JsonRecord {
  return {
    id: `${GROUP_SPACE_PREFIX}${index + 1}`,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a0',
    parentId: pageId,
    isLocked: true,
    opacity: 1,
    meta: { planGroup: { index, members: members.map((m) => m.id) } },
    props: {
      geo: 'rectangle', dash: 'dashed', url: '', w: SPACE_W, h: SPACE_H, growY: 0, scale: 1.4, labelColor: 'black',
      color: 'light-blue', fill: 'semi', size: 's', font: 'sans', align: 'start', verticalAlign: 'start', richText: plainTextToRichText(label),
    },
  }
}

async function previousGroups(deps: BoardDocsDeps, boardId: string): Promise<GroupsState | null> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await readDoc(deps, boardId, { kind: 'control' }))
  const state = readGroupsState(doc.getMap(STATE_MAP).get(GROUPS_STATE_KEY))
  doc.destroy()
  return state
}

/**
 * Forms the groups of a `pairs` / `groups` phase from the people present and lays out one
 * space per group in a row below the step's activity (or below everything on the page).
 */
export async function formGroupsForPhase(
  deps: GroupDeps,
  boardId: string,
  input: { step: PlanStep; at: PhaseRef; size: number; now: number },
): Promise<GroupsState> {
  const people = groupingOrder(deps.privateRooms.present(boardId), await previousGroups(deps, boardId))
  const split = splitIntoGroups(people, input.size)
  const { control } = await readBoardRecords(deps, boardId)
  const activity = readActivities(control).find((a) => a.instanceId === input.step.activity?.instanceId)
  const pageId = activity?.pageId ?? DEFAULT_PAGE_ID
  const origin = activity ? { x: activity.area.bounds.x, y: activity.area.bounds.y + activity.area.bounds.h + 100 } : { x: 0, y: 0 }
  const state: GroupsState = {
    step: input.step.id,
    phase: input.at.phase,
    size: input.size,
    groups: split.map((members, i) => ({
      id: `g${i + 1}`,
      members,
      pageId,
      bounds: { x: origin.x + i * (SPACE_W + SPACE_GAP), y: origin.y, w: SPACE_W, h: SPACE_H },
    })),
  }
  const spaces = state.groups.map((g, i) => spaceRecord(i, g.members, g.bounds.x, g.bounds.y, pageId, `${i + 1} · ${g.members.map((m) => m.name).join(', ')}`))
  await withBoardDocs(deps.rooms, boardId, ['control'], ({ control: doc }) => {
    const records = getRecordsMap(doc)
    doc.transact(() => {
      for (const id of Array.from(records.keys())) if (id.startsWith(GROUP_SPACE_PREFIX)) records.delete(id)
      for (const record of spaces) writeRecord(records, record)
      doc.getMap(STATE_MAP).set(GROUPS_STATE_KEY, state)
    }, SERVER_ORIGIN)
  })
  return state
}

/** Back to the whole group: the groups and their spaces are removed. */
export async function clearGroups(deps: BoardDocsDeps, boardId: string): Promise<void> {
  await withBoardDocs(deps.rooms, boardId, ['control'], ({ control: doc }) => {
    const records = getRecordsMap(doc)
    doc.transact(() => {
      for (const id of Array.from(records.keys())) if (id.startsWith(GROUP_SPACE_PREFIX)) records.delete(id)
      doc.getMap(STATE_MAP).delete(GROUPS_STATE_KEY)
    }, SERVER_ORIGIN)
  })
}
