/**
 * The labels the server gives the versions it saves by itself (the HTTP API returns them as
 * stored, in English). Pages show them in the reader's language (client/board/tools/versionLabel.ts);
 * a label a facilitator typed is shown as typed.
 */
export const SYSTEM_VERSION_LABELS = {
  autosave: 'Autosave',
  sessionEnded: 'Autosave (session ended)',
  votesRevealed: 'Votes revealed',
  privateRevealed: 'Private notes revealed',
  beforeRestore: 'Before restore',
} as const

export type SystemVersionLabel = keyof typeof SYSTEM_VERSION_LABELS

/** The label of the version saved right after restoring version `versionId`. */
export function restoredVersionLabel(versionId: number): string {
  return `Restored version ${versionId}`
}

/** Which system label `label` is, if any: a key, or `restored` with the version restored. */
export function readSystemVersionLabel(label: string): { kind: SystemVersionLabel } | { kind: 'restored'; versionId: number } | null {
  for (const [kind, text] of Object.entries(SYSTEM_VERSION_LABELS)) if (text === label) return { kind: kind as SystemVersionLabel }
  const restored = /^Restored version (\d+)$/.exec(label)
  return restored ? { kind: 'restored', versionId: Number(restored[1]) } : null
}
