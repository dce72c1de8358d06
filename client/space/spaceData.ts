/** The space page's data as `GET /api/spaces/:id` answers it (only what the page reads). */
export type SpaceRole = 'facilitator' | 'member' | 'viewer'
export type CheckInStatus = 'done' | 'in-progress' | 'dropped'

export type SpaceAction = {
  boardId: string
  boardTitle: string
  noteId: string
  text: string
  owner: string | null
  due: string | null
  status: string
  overdue: boolean
}

export type SpaceCommitment = {
  boardId: string
  boardTitle: string
  noteId: string
  text: string
  person: string
  modeLabel: string
  status: CheckInStatus | null
  checkIns: Array<{ status: CheckInStatus; note: string; at: number }>
}

export type Chart = { svg: string; table: string }

export type SpacePageData = {
  role: SpaceRole
  space: { id: string; title: string; locale: 'en' | 'fr' }
  overview: {
    sessions: Array<{ id: string; title: string; date: string; activities: string[]; participants: number }>
    actions: SpaceAction[]
    actionCounts: { total: number; open: number; done: number; dropped: number; overdue: number }
    commitments: SpaceCommitment[]
    recognition: Array<{ boardId: string; boardTitle: string; date: string; category: string; text: string; to: string | null }>
    risks: Array<{ key: string; label: string; latestScore: number; mitigation: string | null; status: string | null }>
  }
  charts: { readiness: Chart; evaluation: Chart; risks: Chart }
}

export type ActionChange = { status?: string; owner?: string | null; due?: string | null }

/** The statuses the page offers for an action (any other status a board set is kept and shown). */
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const
export const CHECK_IN_STATUSES: readonly CheckInStatus[] = ['done', 'in-progress', 'dropped']

export const spacePath = (spaceId: string): string => `/api/spaces/${encodeURIComponent(spaceId)}`
