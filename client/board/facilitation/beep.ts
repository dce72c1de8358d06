/** A short, soft two-tone chime through Web Audio (no audio file to ship). */
let context: AudioContext | null = null

export function playChime(): void {
  try {
    context ??= new AudioContext()
    const ctx = context
    const start = ctx.currentTime
    for (const [offset, frequency] of [[0, 660], [0.18, 880]] as const) {
      const oscillator = ctx.createOscillator()
      const gain = ctx.createGain()
      oscillator.type = 'sine'
      oscillator.frequency.value = frequency
      gain.gain.setValueAtTime(0.0001, start + offset)
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.35)
      oscillator.connect(gain).connect(ctx.destination)
      oscillator.start(start + offset)
      oscillator.stop(start + offset + 0.4)
    }
  } catch {
    // No audio available (autoplay policy, no device): the flash and the announcement remain.
  }
}
