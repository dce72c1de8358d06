/**
 * The board title, live: the server writes it into the control doc's `state` map on every
 * rename (`PATCH /api/boards/:id`), so open pages show a rename without a reload. The HTTP
 * metadata (`GET /api/boards/:id`) stays the source of truth; this key only mirrors it, and a
 * board never renamed has none (pages then show the title they fetched).
 */
import { z } from 'zod'

/** Key of the title in the control doc's `state` map (`STATE_MAP` of shared/facilitation.ts). */
export const BOARD_TITLE_KEY = 'title'

const BoardTitle = z.string().trim().min(1).max(200)

/** The title held in the `state` map, or null when absent or malformed (the map is client-writable). */
export function parseBoardTitle(value: unknown): string | null {
  const parsed = BoardTitle.safeParse(value)
  return parsed.success ? parsed.data : null
}
