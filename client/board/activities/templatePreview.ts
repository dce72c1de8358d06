/**
 * Gallery previews: a template laid out for a few sample participants, reduced to what an SVG
 * thumbnail draws (zones and their labels). Computed offline from the template data itself, so a
 * preview always matches what the builder will put on the board.
 */
import { TEMPLATES, type ActivityTemplate, type ZoneColor, type ZoneShape } from '../../../shared/activities/index'

export type PreviewZone = { x: number; y: number; w: number; h: number; shape: ZoneShape; color: ZoneColor; filled: boolean; label: string }
export type TemplatePreviewData = { width: number; height: number; zones: PreviewZone[] }

/** Names seated in circle previews (the real activity uses the people present). */
export const SAMPLE_PARTICIPANTS: readonly string[] = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Ken']

/** tldraw's light-theme palette for the default colours, so previews look like the board. */
export const ZONE_HEX: Record<ZoneColor, string> = {
  black: '#1d1d1d',
  grey: '#9fa8b2',
  'light-violet': '#e085f4',
  violet: '#ae3ec9',
  blue: '#4465e9',
  'light-blue': '#4ba1f1',
  yellow: '#f1ac4b',
  orange: '#e16919',
  green: '#099268',
  'light-green': '#4cb05e',
  'light-red': '#f87777',
  red: '#e03131',
  white: '#ffffff',
}

const cache = new Map<string, TemplatePreviewData | null>()

/** The preview of one template, or null when its default layout fails (never expected). */
export function templatePreview(template: ActivityTemplate): TemplatePreviewData | null {
  const cached = cache.get(template.id)
  if (cached !== undefined) return cached
  const layout = template.layout({ participants: SAMPLE_PARTICIPANTS, options: {} })
  const preview = layout.ok
    ? {
        width: layout.value.width,
        height: layout.value.height,
        zones: layout.value.zones.map((z) => ({ x: z.x, y: z.y, w: z.w, h: z.h, shape: z.shape, color: z.color, filled: z.fill !== 'none', label: z.label })),
      }
    : null
  cache.set(template.id, preview)
  return preview
}

/** Gallery entries in catalogue order. */
export function galleryTemplates(): readonly ActivityTemplate[] {
  return TEMPLATES
}
