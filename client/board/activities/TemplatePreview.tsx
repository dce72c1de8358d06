import type { ActivityTemplate } from '../../../shared/activities/index'
import { templatePreview, ZONE_HEX } from './templatePreview'

/** A thumbnail of a template's layout: its frame and zones, drawn from the template data. */
export function TemplatePreview({ template }: { template: ActivityTemplate }) {
  const preview = templatePreview(template)
  if (!preview) return <svg className="template-preview" aria-hidden="true" />
  return (
    <svg className="template-preview" viewBox={`0 0 ${preview.width} ${preview.height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
      <rect x={0} y={0} width={preview.width} height={preview.height} fill="#ffffff" stroke="#525a63" strokeWidth={8} />
      {preview.zones.map((zone, i) => {
        const color = ZONE_HEX[zone.color]
        const common = { fill: zone.filled ? color : 'none', fillOpacity: 0.28, stroke: color, strokeWidth: 6 }
        return zone.shape === 'ellipse' ? (
          <ellipse key={i} cx={zone.x + zone.w / 2} cy={zone.y + zone.h / 2} rx={zone.w / 2} ry={zone.h / 2} {...common} />
        ) : (
          <rect key={i} x={zone.x} y={zone.y} width={zone.w} height={zone.h} rx={8} {...common} />
        )
      })}
    </svg>
  )
}
