import { useMemo } from 'react'
import { qrPath } from './qrPath'

/** A QR code drawn as SVG (black on white, with its quiet zone), `px` CSS pixels square. */
export function QrCode({ text, label, px, testId }: { text: string; label: string; px: number; testId?: string }) {
  const { d, size } = useMemo(() => qrPath(text), [text])
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      data-testid={testId}
      width={px}
      height={px}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
