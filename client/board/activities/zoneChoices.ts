/**
 * The zone list of "Move to…": readable zone names, grouped by activity, filtered by typed words.
 * No tldraw import, so it is unit-tested in Node.
 */
import { zonesOf, type Activity, type ActivityZone } from '../../../shared/activities/index'
import { bandFor, DEFAULT_RISK_BANDS, IMPACT_LEVELS, LIKELIHOOD_LEVELS, parseRiskBands, type RiskLevel } from '../../../shared/activities/index'
import type { Translate } from '../../i18n/I18nProvider'
import { bandText } from './templateText'

export type ZoneChoice = { activity: Activity; zone: ActivityZone; name: string }
export type ZoneGroup = { activity: Activity; title: string; choices: ZoneChoice[] }

function levelName(levels: unknown, fallback: readonly RiskLevel[], level: number): string {
  const list = Array.isArray(levels) ? (levels as Array<Partial<RiskLevel>>) : fallback
  const found = list.find((l) => l.level === level)
  return typeof found?.name === 'string' ? found.name : (fallback[level - 1]?.name ?? String(level))
}

/** A zone's name as "Move to…" lists it: specific enough to tell zones apart when read aloud. */
export function zoneDisplayName(t: Translate, activity: Activity, zone: ActivityZone): string {
  const meaning = zone.meaning
  switch (meaning.kind) {
    case 'riskCell': {
      const parsed = parseRiskBands(activity.settings.bands)
      const band = bandFor(parsed.ok ? parsed.value : [...DEFAULT_RISK_BANDS], meaning.likelihood * meaning.impact)
      return t('activities.zone.riskCell', {
        likelihood: meaning.likelihood,
        likelihoodName: levelName(activity.settings.likelihood, LIKELIHOOD_LEVELS, meaning.likelihood),
        impact: meaning.impact,
        impactName: levelName(activity.settings.impact, IMPACT_LEVELS, meaning.impact),
        score: meaning.likelihood * meaning.impact,
        band: band ? bandText(t, band.key, band.label) : '',
      })
    }
    case 'seat':
      return t('activities.zone.seat', { seat: meaning.seat, name: meaning.emptyChair ? t('activities.zone.emptyChair') : (meaning.participant ?? zone.label) })
    case 'round':
      return t(`activities.zone.round.${meaning.part}`, { round: meaning.round })
    case 'cell':
      return `${meaning.columnLabel} · ${meaning.rowLabel}`
    default:
      return zone.label || zone.key
  }
}

/** Zones grouped by activity; the activity holding `focusPoint` (e.g. the selected note) first. */
export function zoneGroups(t: Translate, activities: readonly Activity[], focusActivityId: string | null): ZoneGroup[] {
  const groups = activities.map((activity) => ({
    activity,
    title: activity.name,
    choices: zonesOf(activity).map((zone) => ({ activity, zone, name: zoneDisplayName(t, activity, zone) })),
  }))
  return groups.sort((a, b) => Number(b.activity.instanceId === focusActivityId) - Number(a.activity.instanceId === focusActivityId))
}

function words(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
}

/** Every typed word must start a word of the zone's name or its activity's title ("likely severe"). */
export function matchesQuery(choice: Pick<ZoneChoice, 'name'>, groupTitle: string, query: string): boolean {
  const wanted = words(query)
  if (wanted.length === 0) return true
  const have = [...words(choice.name), ...words(groupTitle)]
  return wanted.every((w) => have.some((h) => h.startsWith(w)))
}


/** How well a zone answers the typed words: 2 by its own name, 1 only with its activity's title, 0 not at all. */
export function matchRank(choice: Pick<ZoneChoice, 'name'>, groupTitle: string, query: string): 0 | 1 | 2 {
  if (!matchesQuery(choice, groupTitle, query)) return 0
  const wanted = words(query)
  const own = words(choice.name)
  return wanted.every((w) => own.some((h) => h.startsWith(w))) ? 2 : 1
}

/**
 * The groups and zones left by `query`, best first: zones whose own name matches come before
 * zones matched only through their activity's title ("Start" picks the zone Start, not every
 * zone of "Start / Stop / Continue"). Enter in "Move to…" takes the first.
 */
export function filterZoneGroups(groups: readonly ZoneGroup[], query: string): ZoneGroup[] {
  const ranked = groups
    .map((group) => {
      const scored = group.choices.map((choice) => ({ choice, rank: matchRank(choice, group.title, query) })).filter((c) => c.rank > 0)
      scored.sort((a, b) => b.rank - a.rank)
      return { group: { ...group, choices: scored.map((c) => c.choice) }, best: scored[0]?.rank ?? 0 }
    })
    .filter((g) => g.best > 0)
  ranked.sort((a, b) => b.best - a.best)
  return ranked.map((g) => g.group)
}
