/** Transaction origins the sync core tells apart (a session's own writes carry its Session). */

/** Origin of updates that come from storage: they are never re-persisted. */
export const STORAGE_ORIGIN = Symbol('storage')
/**
 * Origin of updates relayed from another instance (server/cluster). They are already stored by
 * that instance, so they are broadcast to local sessions at once but never persisted or
 * published again (no echo loop).
 */
export const RELAY_ORIGIN = Symbol('relay')
