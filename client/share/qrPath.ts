import { create } from 'qrcode'

/** Modules of quiet zone around the code (the QR standard asks for 4). */
export const QUIET_ZONE = 4

/**
 * A QR code of `text` as one SVG path (one unit square per dark module, offset by the quiet
 * zone) and the side of the whole square in modules.
 */
export function qrPath(text: string): { d: string; size: number } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const parts: string[] = []
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`)
    }
  }
  return { d: parts.join(''), size: modules.size + 2 * QUIET_ZONE }
}
