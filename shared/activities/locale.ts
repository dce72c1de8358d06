/**
 * Template texts by locale. Templates are written in English; a board created in another
 * locale gets its texts translated at creation time (texts on the canvas are data in the doc).
 * Only display text changes: ids, keys, zone meanings (kinds, keys, numbers) and everything
 * results extraction relies on stay the same in every locale. Text a facilitator typed
 * (participants, custom stakeholders, prompts, band labels) is kept as given.
 */
import type { ActivityLayout, ZoneMeaning } from './types.js'

export const TEMPLATE_LOCALES = ['en', 'fr'] as const
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number]
export const DEFAULT_TEMPLATE_LOCALE: TemplateLocale = 'en'

const RETRO_FLOW_FR =
  'Chacun écrit de son côté, puis on dévoile. Regroupez les notes similaires, votez avec des gommettes, discutez des plus votées et transformez-les en actions avec un responsable et une échéance.'

/** English → French, by exact text (a paragraph, a label, a level name or definition). */
export const FRENCH: Readonly<Record<string, string>> = {
  // Retrospectives
  'Start / Stop / Continue': 'Commencer / Arrêter / Continuer',
  'What should the team start doing, stop doing and keep doing? Ends with owned actions.':
    "Que doit l'équipe commencer à faire, arrêter de faire et continuer à faire ? Se termine par des actions attribuées.",
  'Put each note in Start (new things to try), Stop (what does not help) or Continue (what works).':
    'Placez chaque note dans Commencer (ce qu’il faut essayer), Arrêter (ce qui n’aide pas) ou Continuer (ce qui marche).',
  Start: 'Commencer',
  Stop: 'Arrêter',
  Continue: 'Continuer',
  'Mad / Sad / Glad': 'Fâché / Triste / Content',
  'An emotional check on the last period: what made people mad, sad or glad. Ends with owned actions.':
    'Une météo des émotions sur la dernière période : ce qui a fâché, rendu triste ou content. Se termine par des actions attribuées.',
  'Put each note under the feeling it stands for: Mad (frustrating), Sad (disappointing), Glad (pleasing).':
    'Placez chaque note sous l’émotion qu’elle exprime : Fâché (frustrant), Triste (décevant), Content (réjouissant).',
  Mad: 'Fâché',
  Sad: 'Triste',
  Glad: 'Content',
  '4Ls: Liked, Learned, Lacked, Longed for': '4L : aimé, appris, manqué, souhaité',
  'Look back on a project or training: what was liked, learned, lacked and longed for. Ends with owned actions.':
    'Retour sur un projet ou une formation : ce qu’on a aimé, appris, ce qui a manqué et ce à quoi on aspire. Se termine par des actions attribuées.',
  'Liked: what went well. Learned: what you discovered. Lacked: what was missing. Longed for: what you wished for.':
    'Aimé : ce qui s’est bien passé. Appris : ce que vous avez découvert. Manqué : ce qui a fait défaut. Souhaité : ce que vous auriez voulu.',
  Liked: 'Aimé',
  Learned: 'Appris',
  Lacked: 'Manqué',
  'Longed for': 'Souhaité',
  Sailboat: 'Voilier',
  'The team is a boat heading for an island: what pushes it (wind), holds it back (anchors) and lies ahead (rocks). Ends with owned actions.':
    'L’équipe est un bateau qui fait route vers une île : ce qui le pousse (le vent), le retient (les ancres) et l’attend (les rochers). Se termine par des actions attribuées.',
  'Wind: what helps us move. Anchors: what slows us down. Rocks: risks ahead. Island: our goal.':
    'Vent : ce qui nous fait avancer. Ancres : ce qui nous freine. Rochers : les risques à venir. Île : notre objectif.',
  Wind: 'Vent',
  Anchors: 'Ancres',
  Rocks: 'Rochers',
  Island: 'Île',
  'Write privately, then reveal. Group similar notes, dot-vote, discuss the top ones, and turn them into actions with an owner and a due date.':
    RETRO_FLOW_FR,
  // Actions is the same word in French.
  Actions: 'Actions',

  // Risk matrix
  'Risk matrix': 'Matrice des risques',
  '5 × 5 likelihood × impact matrix with defined levels and score bands; yields a risk register sorted by score.':
    'Matrice 5 × 5 probabilité × impact, avec des niveaux définis et des seuils de criticité ; produit un registre des risques trié par score.',
  'Write one risk per note and place it in the cell of its likelihood (rows, 1 Rare to 5 Almost certain) and impact (columns, 1 Insignificant to 5 Severe). Score = likelihood × impact.':
    'Écrivez un risque par note et placez-le dans la case de sa probabilité (lignes, de 1 Rare à 5 Quasi certain) et de son impact (colonnes, de 1 Négligeable à 5 Grave). Score = probabilité × impact.',
  'Then give each risk an owner and a mitigation in the results panel.':
    'Donnez ensuite à chaque risque un responsable et une mesure d’atténuation dans le panneau des résultats.',
  'Likelihood ↑': 'Probabilité ↑',
  'Impact →': 'Impact →',
  Low: 'Faible',
  Medium: 'Moyen',
  High: 'Élevé',
  Critical: 'Critique',
  Rare: 'Rare',
  Unlikely: 'Peu probable',
  Possible: 'Possible',
  Likely: 'Probable',
  'Almost certain': 'Quasi certain',
  'Only in exceptional circumstances (under 5% in the period).': 'Seulement dans des circonstances exceptionnelles (moins de 5 % sur la période).',
  'Could happen but not expected (5–25%).': 'Pourrait arriver, mais on ne s’y attend pas (5–25 %).',
  'Might well happen (25–50%).': 'Pourrait bien arriver (25–50 %).',
  'Will probably happen in most circumstances (50–90%).': 'Arrivera probablement dans la plupart des cas (50–90 %).',
  'Expected to happen (over 90%).': 'On s’attend à ce que cela arrive (plus de 90 %).',
  Insignificant: 'Négligeable',
  Minor: 'Mineur',
  Moderate: 'Modéré',
  Major: 'Majeur',
  Severe: 'Grave',
  'No noticeable effect on objectives, people, budget or schedule.': 'Aucun effet notable sur les objectifs, les personnes, le budget ou le calendrier.',
  'Small delay or cost that the team absorbs.': 'Léger retard ou surcoût que l’équipe absorbe.',
  'An objective partly missed; needs management attention.': 'Un objectif en partie manqué ; demande l’attention de la direction.',
  'A key objective missed; significant cost, harm or loss of trust.': 'Un objectif clé manqué ; coût, préjudice ou perte de confiance importants.',
  'The initiative fails, or serious harm to people; external scrutiny.': 'L’initiative échoue, ou préjudice grave pour des personnes ; regard extérieur.',

  // Needs analysis
  'Stakeholder needs map': 'Carte des besoins des parties prenantes',
  'One column per stakeholder group: their needs, what is in it for them, their concerns and how they work today.':
    'Une colonne par groupe de parties prenantes : leurs besoins, ce qu’ils y gagnent, leurs inquiétudes et leur façon de travailler aujourd’hui.',
  'For each stakeholder group, add notes to the four rows: needs, what is in it for them, concerns or fears, and their current way of working.':
    'Pour chaque groupe de parties prenantes, ajoutez des notes dans les quatre lignes : besoins, ce qu’ils y gagnent, inquiétudes ou craintes, et façon de travailler actuelle.',
  'Then dot-vote the needs that matter most.': 'Puis votez avec des gommettes pour les besoins les plus importants.',
  Needs: 'Besoins',
  "What's in it for me": 'Ce que j’y gagne',
  'Concerns / fears': 'Inquiétudes / craintes',
  'Current way of working': 'Façon de travailler actuelle',
  'Empathy map': 'Carte d’empathie',
  "Step into one stakeholder's shoes: who they are, their goal, what they see, say, do and hear, their pains and gains. After Dave Gray (2017, CC BY-SA).":
    'Se mettre à la place d’une partie prenante : qui elle est, son objectif, ce qu’elle voit, dit, fait et entend, ses difficultés et ses bénéfices. D’après Dave Gray (2017, CC BY-SA).',
  'Start with Who and Goal. Then go clockwise: what they See, Say, Do and Hear. Finish in the middle with what they Think & Feel: pains and gains.':
    'Commencez par Qui et Objectif. Puis tournez dans le sens des aiguilles d’une montre : ce qu’elle Voit, Dit, Fait et Entend. Terminez au centre par ce qu’elle Pense et Ressent : difficultés et bénéfices.',
  'Empathy map canvas by Dave Gray, 2017, CC BY-SA 4.0.': 'Canevas de carte d’empathie de Dave Gray, 2017, CC BY-SA 4.0.',
  'Who are we empathising with?': 'À qui nous mettons-nous à la place ?',
  'What do they need to do? (goal)': 'Que doit-elle accomplir ? (objectif)',
  'What do they see?': 'Que voit-elle ?',
  'What do they say?': 'Que dit-elle ?',
  'What do they do?': 'Que fait-elle ?',
  'What do they hear?': 'Qu’entend-elle ?',
  'Think & feel: pains': 'Pense et ressent : difficultés',
  'Think & feel: gains': 'Pense et ressent : bénéfices',
  'Power / interest grid': 'Grille pouvoir / intérêt',
  'Place each stakeholder by power (up) and interest (right) to decide who to manage closely, keep satisfied, keep informed or monitor.':
    'Placez chaque partie prenante selon son pouvoir (vers le haut) et son intérêt (vers la droite) pour décider qui gérer de près, satisfaire, tenir informé ou surveiller.',
  'Write one stakeholder per note and place it: higher means more power over the work, further right means more interest in it. The position gives each a score from 1 to 10 on both axes.':
    'Écrivez une partie prenante par note et placez-la : plus haut, plus de pouvoir sur le travail ; plus à droite, plus d’intérêt pour lui. La position donne à chacune un score de 1 à 10 sur les deux axes.',
  'Manage closely (high power, high interest), keep satisfied (high power), keep informed (high interest), monitor (the rest).':
    'Gérer de près (pouvoir et intérêt élevés), satisfaire (pouvoir élevé), tenir informé (intérêt élevé), surveiller (les autres).',
  'Manage closely': 'Gérer de près',
  'Keep satisfied': 'Satisfaire',
  'Keep informed': 'Tenir informé',
  Monitor: 'Surveiller',
  'High power ↑': 'Pouvoir élevé ↑',
  'Low power': 'Pouvoir faible',
  'Low interest': 'Intérêt faible',
  'High interest →': 'Intérêt élevé →',
  'High power': 'Pouvoir élevé',
  'High interest': 'Intérêt élevé',
  power: 'pouvoir',
  interest: 'intérêt',

  // Dialogue circles
  'Talking circle': 'Cercle de parole',
  'Everyone sits in a ring; only the holder of the talking piece speaks, then passes it to the next seat. Rounds with a prompt and a summary.':
    'Tout le monde est assis en cercle ; seule la personne qui tient le bâton de parole parle, puis elle le passe à la place suivante. Des tours avec une question et une synthèse.',
  'The keeper reads the round\'s prompt. Only the holder of the talking piece speaks; everyone else listens. When done (or to pass), the holder passes the piece to the next seat.':
    'Le gardien du cercle lit la question du tour. Seule la personne qui tient le bâton de parole parle ; les autres écoutent. Quand elle a fini (ou pour passer son tour), elle passe le bâton à la place suivante.',
  'After each round, the keeper writes a short summary note.': 'Après chaque tour, le gardien écrit une courte note de synthèse.',
  Fishbowl: 'Aquarium (fishbowl)',
  'A few people talk in an inner circle while the outer ring listens and takes notes; in the open variant a listener takes the empty chair to join.':
    'Quelques personnes échangent dans un cercle intérieur pendant que le cercle extérieur écoute et prend des notes ; en variante ouverte, un auditeur prend la chaise vide pour se joindre à l’échange.',
  "Inner seats talk; the outer ring listens and takes notes in the round's notes zone. Open variant: to join, add yourself to the queue, then take the empty chair; someone inside leaves to free a seat. Closed variant: the inner group rotates when the timer ends.":
    'Le cercle intérieur parle ; le cercle extérieur écoute et prend des notes dans la zone de notes du tour. Variante ouverte : pour participer, inscrivez-vous dans la file, puis prenez la chaise vide ; une personne à l’intérieur sort pour libérer une place. Variante fermée : le groupe intérieur change à la fin du minuteur.',
  "Each round starts from the keeper's prompt and ends with a summary note.": 'Chaque tour part de la question du gardien et se termine par une note de synthèse.',
  'Empty chair': 'Chaise vide',
  'Queue for the empty chair (top first)': 'File pour la chaise vide (premier en haut)',
  'Talking piece': 'Bâton de parole',

  // Community
  'Change readiness check-in': 'Météo de la préparation au changement',
  'Where does each person stand on the change, from resisting to championing, what is in it for them and what worries them?':
    'Où chacun se situe-t-il face au changement, de la résistance à l’adhésion, qu’y gagne-t-il et qu’est-ce qui l’inquiète ?',
  'Place a note on the spectrum where you stand today, from resisting (left) to championing (right). Then add what is in it for you, and what worries you.':
    'Placez une note sur l’axe là où vous vous situez aujourd’hui, de la résistance (à gauche) à l’adhésion (à droite). Ajoutez ensuite ce que vous y gagnez et ce qui vous inquiète.',
  'There are no wrong answers: fears and resistance are information.': 'Il n’y a pas de mauvaise réponse : les craintes et les résistances sont des informations.',
  'Resisting ←————→ Championing': 'Résistance ←————→ Adhésion',
  'Resisting (1)': 'Résistance (1)',
  'Championing (10)': 'Adhésion (10)',
  Resisting: 'Résistance',
  Championing: 'Adhésion',
  readiness: 'préparation',
  'What worries me': 'Ce qui m’inquiète',
  'Recognition wall': 'Mur de reconnaissance',
  'Kudos notes to peers: thank someone, celebrate work well done, say who inspired you.':
    'Des mots de reconnaissance entre pairs : remercier quelqu’un, saluer un travail bien fait, dire qui vous a inspiré.',
  'Write a kudos note to a peer and put it in the column that fits. Name the person you recognise on the note.':
    'Écrivez un mot de reconnaissance à un pair et placez-le dans la colonne qui convient. Nommez sur la note la personne que vous remerciez.',
  'Read the wall together at the end.': 'Lisez le mur ensemble à la fin.',
  'Thank you': 'Merci',
  'Well done': 'Bravo',
  'You inspired me': 'Tu m’as inspiré',
  'Commitments: online, onsite, ongoing': 'Engagements : en ligne, sur place, en continu',
  'What each person commits to do online, onsite and on an ongoing basis after the workshop.':
    'Ce à quoi chacun s’engage en ligne, sur place et dans la durée après l’atelier.',
  'In your row, write what you will do online, onsite and on an ongoing basis. Be concrete: what, with whom, by when.':
    'Dans votre ligne, écrivez ce que vous ferez en ligne, sur place et dans la durée. Soyez concret : quoi, avec qui, pour quand.',
  'We come back to these commitments at the next session.': 'Nous reviendrons sur ces engagements à la prochaine séance.',
  Online: 'En ligne',
  Onsite: 'Sur place',
  Ongoing: 'En continu',
  Everyone: 'Tout le monde',
}

/** Composite texts the templates build from parts: the parts are translated, the shape kept. */
const FRENCH_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpMatchArray, t: (s: string) => string) => string]> = [
  [/^(\d+) × (\d+) = (\d+) \((.+)\)$/, (m, t) => `${m[1]} × ${m[2]} = ${m[3]} (${t(m[4]!)})`],
  [/^Seat (\d+)$/, (m) => `Place ${m[1]}`],
  [/^Round (\d+): prompt$/, (m) => `Tour ${m[1]} : question`],
  [/^Round (\d+): notes$/, (m) => `Tour ${m[1]} : notes`],
  [/^Round (\d+): summary$/, (m) => `Tour ${m[1]} : synthèse`],
  [/^Round (\d+) prompt: ([\s\S]*)$/, (m) => `Question du tour ${m[1]} : ${m[2]}`],
  [/^Stakeholder group (\d+)$/, (m) => `Groupe de parties prenantes ${m[1]}`],
  // A risk level caption: "3 Possible: Might well happen (25–50%)."
  [/^(\d) ([^:]+): ([\s\S]+)$/, (m, t) => `${m[1]} ${t(m[2]!)} : ${t(m[3]!)}`],
  // A commitment cell: "<person>: Online"
  [/^([\s\S]+): (Online|Onsite|Ongoing)$/, (m, t) => `${t(m[1]!)} : ${t(m[2]!)}`],
]

function translateFrench(text: string): string {
  const exact = FRENCH[text]
  if (exact !== undefined) return exact
  if (text.includes('\n\n')) return text.split('\n\n').map(translateFrench).join('\n\n')
  for (const [pattern, render] of FRENCH_PATTERNS) {
    const m = text.match(pattern)
    if (m) return render(m, translateFrench)
  }
  return text
}

/** A template text in `locale`; text without a translation (typed by a person) is returned as is. */
export function localizeText(text: string, locale: TemplateLocale): string {
  return locale === 'fr' ? translateFrench(text) : text
}

function localizeMeaning(meaning: ZoneMeaning, t: (s: string) => string): ZoneMeaning {
  switch (meaning.kind) {
    case 'cell':
      return { ...meaning, columnLabel: t(meaning.columnLabel), rowLabel: t(meaning.rowLabel) }
    case 'scale': {
      const axis = (a: typeof meaning.x) => (a ? { ...a, name: t(a.name), lowLabel: t(a.lowLabel), highLabel: t(a.highLabel) } : null)
      return { ...meaning, x: axis(meaning.x), y: axis(meaning.y) }
    }
    default:
      return meaning
  }
}

/** Display strings inside `settings` (risk band labels, level names and definitions). */
const SETTINGS_TEXT_KEYS = new Set(['label', 'name', 'definition'])

function localizeSettings(value: unknown, t: (s: string) => string, key = ''): unknown {
  if (typeof value === 'string') return SETTINGS_TEXT_KEYS.has(key) ? t(value) : value
  if (Array.isArray(value)) return value.map((v) => localizeSettings(v, t, key))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localizeSettings(v, t, k)]))
  }
  return value
}

/**
 * The layout with its display texts in `locale`: zone labels, text labels, token labels, the
 * text parts of zone meanings and of settings. Keys, positions, sizes and every other value
 * are left untouched.
 */
export function localizeLayout(layout: ActivityLayout, locale: TemplateLocale): ActivityLayout {
  if (locale === 'en') return layout
  const t = (s: string) => localizeText(s, locale)
  return {
    ...layout,
    zones: layout.zones.map((z) => ({ ...z, label: t(z.label), meaning: localizeMeaning(z.meaning, t) })),
    labels: layout.labels.map((l) => ({ ...l, text: t(l.text) })),
    tokens: layout.tokens.map((k) => ({ ...k, label: t(k.label) })),
    settings: localizeSettings(layout.settings, t) as Record<string, unknown>,
  }
}
