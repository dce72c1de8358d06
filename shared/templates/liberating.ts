/**
 * Liberating Structures used by the ready-made plans (issue 15): 1-2-4-All, What / So What /
 * Now What, 15 % Solutions and TRIZ. Each is a row of columns; the column holding what people
 * commit to do is an Actions zone (owner and due date on the note's meta), so results, exports
 * and carry-over treat them like a retrospective's actions.
 */
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

export const ONE_TWO_FOUR_ALL = structure(
  'ls-1-2-4-all',
  '1-2-4-All',
  'Everyone thinks alone, then in pairs, then in foursomes, then all together: every voice in a few minutes.',
  'Alone: note your ideas. In pairs: build on each other’s. In foursomes: keep what stands out. All: share one idea per group.',
  [
    { key: 'ideas', label: 'Ideas', color: 'light-blue' },
    { key: 'stands-out', label: 'What stands out', color: 'green' },
  ],
)

export const WHAT_SO_WHAT_NOW_WHAT = structure(
  'ls-what-so-what-now-what',
  'What, So What, Now What',
  'Make sense of a shared experience together: the facts, what they mean, and what to do next.',
  'What? The facts: what happened, what did you notice. So what? Why it matters, patterns. Now what? What we do next.',
  [
    { key: 'what', label: 'What?', color: 'light-blue' },
    { key: 'so-what', label: 'So what?', color: 'yellow' },
    { key: 'now-what', label: 'Now what?', color: 'violet', actions: true },
  ],
)

export const FIFTEEN_PERCENT = structure(
  'ls-15-percent',
  '15 % Solutions',
  'What can each of us do now, without more resources or permission? Small first steps everyone owns.',
  'Where do you have freedom to act? What is your 15 %? What can you do tomorrow, without more resources or permission?',
  [
    { key: 'freedom', label: 'Where I have freedom to act', color: 'light-blue' },
    { key: 'solutions', label: 'My 15 % solutions', color: 'violet', actions: true },
  ],
)

export const TRIZ = structure(
  'ls-triz',
  'TRIZ',
  'Stop counterproductive activities: imagine the worst result, find what we already do that leads there, decide what to stop.',
  'List everything that would surely bring the worst result. Which of these do we do now? Decide the first step to stop each one.',
  [
    { key: 'worst', label: 'The worst result: how to get it', color: 'red' },
    { key: 'doing-now', label: 'What we already do', color: 'orange' },
    { key: 'stop', label: 'What we will stop', color: 'violet', actions: true },
  ],
)

export const LIBERATING_TEMPLATES: readonly ActivityTemplate[] = [ONE_TWO_FOUR_ALL, WHAT_SO_WHAT_NOW_WHAT, FIFTEEN_PERCENT, TRIZ]

/** French texts of these templates, merged into the template catalogue's translations. */
export const LIBERATING_FRENCH: Readonly<Record<string, string>> = {
  '1-2-4-All': '1-2-4-Tous',
  'Everyone thinks alone, then in pairs, then in foursomes, then all together: every voice in a few minutes.':
    'Chacun réfléchit seul, puis en binôme, puis à quatre, puis tous ensemble : toutes les voix en quelques minutes.',
  'Alone: note your ideas. In pairs: build on each other’s. In foursomes: keep what stands out. All: share one idea per group.':
    'Seul : notez vos idées. En binôme : enrichissez celles de l’autre. À quatre : gardez ce qui ressort. Tous : une idée par groupe.',
  Ideas: 'Idées',
  'What stands out': 'Ce qui ressort',
  'What, So What, Now What': 'Quoi, Et alors, Et maintenant',
  'Make sense of a shared experience together: the facts, what they mean, and what to do next.':
    'Donner du sens ensemble à une expérience partagée : les faits, ce qu’ils signifient, et la suite.',
  'What? The facts: what happened, what did you notice. So what? Why it matters, patterns. Now what? What we do next.':
    'Quoi ? Les faits : ce qui s’est passé, ce que vous avez remarqué. Et alors ? Pourquoi c’est important. Et maintenant ? Ce que nous faisons ensuite.',
  'What?': 'Quoi ?',
  'So what?': 'Et alors ?',
  'Now what?': 'Et maintenant ?',
  '15 % Solutions': 'Solutions à 15 %',
  'What can each of us do now, without more resources or permission? Small first steps everyone owns.':
    'Que peut faire chacun dès maintenant, sans moyens ni permission de plus ? De petits premiers pas que chacun porte.',
  'Where do you have freedom to act? What is your 15 %? What can you do tomorrow, without more resources or permission?':
    'Où avez-vous la liberté d’agir ? Quels sont vos 15 % ? Que pouvez-vous faire demain, sans moyens ni permission de plus ?',
  'Where I have freedom to act': 'Où j’ai la liberté d’agir',
  'My 15 % solutions': 'Mes solutions à 15 %',
  TRIZ: 'TRIZ (arrêter ce qui nuit)',
  'Stop counterproductive activities: imagine the worst result, find what we already do that leads there, decide what to stop.':
    'Arrêter ce qui nuit : imaginer le pire résultat, repérer ce que nous faisons déjà qui y mène, décider ce que nous arrêtons.',
  'List everything that would surely bring the worst result. Which of these do we do now? Decide the first step to stop each one.':
    'Listez tout ce qui mènerait à coup sûr au pire résultat. Lesquelles de ces choses faisons-nous déjà ? Décidez le premier pas pour arrêter chacune.',
  'The worst result: how to get it': 'Le pire résultat : comment l’obtenir',
  'What we already do': 'Ce que nous faisons déjà',
  'What we will stop': 'Ce que nous arrêtons',
}
