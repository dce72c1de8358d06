import type { Preview } from './versionPreview'

/** The SVG thumbnail of a version (decorative: the label and time say which version it is). */
export function VersionPreview({ preview }: { preview: Preview }) {
  const { viewBox: v, shapes } = preview
  const stroke = Math.max(v.w, v.h) / 150
  return (
    <svg className="version-preview" viewBox={`${v.x} ${v.y} ${v.w} ${v.h}`} aria-hidden="true" focusable="false" data-shapes={shapes.length}>
      <rect x={v.x} y={v.y} width={v.w} height={v.h} fill="#f9fafb" />
      {shapes.map((s) => (
        <rect
          key={s.id}
          x={s.x}
          y={s.y}
          width={Math.max(s.w, stroke)}
          height={Math.max(s.h, stroke)}
          rx={s.kind === 'note' ? 0 : stroke}
          fill={s.kind === 'line' ? 'none' : s.fill}
          stroke={s.stroke}
          strokeWidth={stroke}
        />
      ))}
    </svg>
  )
}
