import { useEffect, useState } from 'react'

const loaded = new WeakMap<() => Promise<unknown>, unknown>()

/**
 * What `load` resolves to (a page's component, from a chunk of its own), null until then; `load`
 * runs once `enabled`, and its answer is kept for the next mounts. Not React.lazy: React holds a
 * Suspense boundary's content back until 300 ms after its fallback appeared, a wait longer than
 * loading a preloaded chunk. A failed load is thrown while rendering, as React.lazy would.
 * `load` must be a module-level function (its identity is the cache key).
 */
export function useLoaded<T>(load: () => Promise<T>, enabled = true): T | null {
  const [value, setValue] = useState<{ value: T } | null>(() => (loaded.has(load) ? { value: loaded.get(load) as T } : null))
  const [error, setError] = useState<{ error: unknown } | null>(null)
  useEffect(() => {
    if (!enabled || value) return
    let live = true
    load().then(
      (result) => {
        loaded.set(load, result)
        if (live) setValue({ value: result })
      },
      (failure: unknown) => {
        if (live) setError({ error: failure })
      },
    )
    return () => {
      live = false
    }
  }, [load, enabled, value])
  if (error) throw error.error
  return value?.value ?? null
}
