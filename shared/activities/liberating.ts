/**
 * Liberating Structures used by the ready-made plans (issue 15): 1-2-4-All, What / So What /
 * Now What, 15 % Solutions and TRIZ. Each is a row of columns; the column holding what people
 * commit to do is an Actions zone (owner and due date on the note's meta), so results, exports
 * and carry-over treat them like a retrospective's actions (result kind `retro`).
 */
import { en } from '../i18n/catalogue.js'
import { ok } from '../result.js'
import { columnZones, headerLabel, type ColumnSpec } from './layout.js'
import type { ActivityTemplate, ZoneColor } from './types.js'

type Column = { key: string; label: string; color: ZoneColor; actions?: boolean }

function structure(id: string, name: string, description: string, instructions: string, columns: readonly Column[]): ActivityTemplate {
  const specs: ColumnSpec[] = columns.map((c) => ({
    key: c.key,
    label: c.label,
    color: c.color,
    meaning: c.actions ? { kind: 'actions' as const } : { kind: 'section' as const, section: c.key },
  }))
  return {
    id,
    name,
    family: 'community',
    description,
    instructions,
    results: 'retro',
    layout() {
      const { zones, width, height } = columnZones(specs)
      return ok({ width, height, zones, labels: [headerLabel(instructions, width)], tokens: [], settings: {} })
    },
  }
}

export const ONE_TWO_FOUR_ALL = structure('ls-1-2-4-all', en('ls-1-2-4-all.name'), en('ls-1-2-4-all.description'), en('ls-1-2-4-all.instructions'), [
  { key: 'ideas', label: en('ls-1-2-4-all.ideas'), color: 'light-blue' },
  { key: 'stands-out', label: en('ls-1-2-4-all.stands-out'), color: 'green' },
])

export const WHAT_SO_WHAT_NOW_WHAT = structure(
  'ls-what-so-what-now-what',
  en('ls-what-so-what-now-what.name'),
  en('ls-what-so-what-now-what.description'),
  en('ls-what-so-what-now-what.instructions'),
  [
    { key: 'what', label: en('ls-what-so-what-now-what.what'), color: 'light-blue' },
    { key: 'so-what', label: en('ls-what-so-what-now-what.so-what'), color: 'yellow' },
    { key: 'now-what', label: en('ls-what-so-what-now-what.now-what'), color: 'violet', actions: true },
  ],
)

export const FIFTEEN_PERCENT = structure('ls-15-percent', en('ls-15-percent.name'), en('ls-15-percent.description'), en('ls-15-percent.instructions'), [
  { key: 'freedom', label: en('ls-15-percent.freedom'), color: 'light-blue' },
  { key: 'solutions', label: en('ls-15-percent.solutions'), color: 'violet', actions: true },
])

export const TRIZ = structure('ls-triz', en('ls-triz.name'), en('ls-triz.description'), en('ls-triz.instructions'), [
  { key: 'worst', label: en('ls-triz.worst'), color: 'red' },
  { key: 'doing-now', label: en('ls-triz.doing-now'), color: 'orange' },
  { key: 'stop', label: en('ls-triz.stop'), color: 'violet', actions: true },
])

export const LIBERATING_TEMPLATES: readonly ActivityTemplate[] = [ONE_TWO_FOUR_ALL, WHAT_SO_WHAT_NOW_WHAT, FIFTEEN_PERCENT, TRIZ]
