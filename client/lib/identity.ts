/** Who this browser is on boards: a stable id, a display name and a cursor colour. */
const STORAGE_KEY = 'canvas.identity'

/** Colours with enough contrast for a white name label (WCAG AA on the cursor tag). */
export const CURSOR_COLOURS = ['#1e6fd9', '#c2185b', '#2e7d32', '#6a1b9a', '#b45309', '#00796b', '#d32f2f', '#455a64']

export type Identity = { id: string; name: string; color: string }

function randomId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16)
}

/** The stored identity; `name` is empty until the user has chosen one. */
export function loadIdentity(): Identity {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Identity> | null
    if (stored && typeof stored.id === 'string' && typeof stored.color === 'string') {
      return { id: stored.id, name: typeof stored.name === 'string' ? stored.name : '', color: stored.color }
    }
  } catch {
    // corrupted: start again
  }
  const identity = { id: randomId(), name: '', color: CURSOR_COLOURS[Math.floor(Math.random() * CURSOR_COLOURS.length)]! }
  saveIdentity(identity)
  return identity
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(identity))
}
