/** A sliding one-minute window per key (board creation per client address). */
export function rateLimiter(perMinute: number): (key: string) => boolean {
  const hits = new Map<string, number[]>()
  return function allow(key: string): boolean {
    const now = Date.now()
    const recent = (hits.get(key) ?? []).filter((t) => now - t < 60_000)
    if (recent.length >= perMinute) {
      hits.set(key, recent)
      return false
    }
    recent.push(now)
    hits.set(key, recent)
    return true
  }
}
