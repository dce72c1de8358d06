import type { Settings } from './Storage.js'

/** Reads a stored settings column: a JSON object, or `{}` for anything else. */
export function parseSettings(text: string | null | undefined): Settings {
  if (!text) return {}
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Settings) : {}
  } catch {
    return {}
  }
}
