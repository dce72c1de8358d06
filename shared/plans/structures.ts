/**
 * Liberating Structures as ready-made plans, with their published timings
 * (liberatingstructures.com): 1-2-4-All, What / So What / Now What, 15 % Solutions, TRIZ.
 */
import type { PlanStepInput } from '../plan.js'
import { phase, t, type ReadyPlan } from './types.js'

export const ONE_TWO_FOUR_ALL_PLAN: ReadyPlan = {
  id: '1-2-4-all',
  name: t('1-2-4-All (12 min)', '1-2-4-Tous (12 min)'),
  description: t(
    '1 min alone, 2 min in pairs, 4 min in foursomes, 5 min all together. Pairs and foursomes are formed from the people present.',
    '1 min seul, 2 min en binôme, 4 min à quatre, 5 min tous ensemble. Binômes et groupes de quatre sont formés parmi les présents.',
  ),
  steps: [
    {
      id: 'one-two-four-all',
      title: t('1-2-4-All', '1-2-4-Tous'),
      activity: { template: 'ls-1-2-4-all' },
      instructions: t(
        'Alone, in silence: note your ideas (1 min). Then in pairs, then in foursomes, build on each other’s ideas. Finally, each group shares one idea that stands out.',
        'Seul, en silence : notez vos idées (1 min). Puis en binôme, puis à quatre, enrichissez les idées des autres. Enfin, chaque groupe partage une idée qui ressort.',
      ),
      notes: t(
        'Ask the question first, in one sentence. Keep the times strict; in the “All” round, ask each group for one idea not yet heard.',
        'Posez d’abord la question, en une phrase. Tenez les temps ; au tour « Tous », demandez à chaque groupe une idée pas encore entendue.',
      ),
      phases: [
        phase('write-private', 1),
        phase('pairs', 2, { reveal: true }),
        phase('groups', 4, { groupSize: 4 }),
        phase('all', 5),
      ],
    },
  ],
}

/** One round: 3 min alone, 5 in foursomes, `allMinutes` all together. */
function sensemakingStep(id: string, title: [string, string], prompt: [string, string], allMinutes = 5): PlanStepInput {
  return {
    id,
    title: t(...title),
    activity: { sameAs: 'what' },
    instructions: t(...prompt),
    phases: [phase('write-private', 3), phase('groups', 5, { reveal: true, groupSize: 4 }), phase('all', allMinutes)],
  }
}

export const WHAT_SO_WHAT_NOW_WHAT_PLAN: ReadyPlan = {
  id: 'what-so-what-now-what',
  name: t('What, So What, Now What (40 min)', 'Quoi, Et alors, Et maintenant (40 min)'),
  description: t(
    'Three rounds of sense-making after a shared experience: the facts, what they mean, what to do next. Each round: alone, in foursomes, then all.',
    'Trois tours pour donner du sens à une expérience partagée : les faits, leur sens, la suite. Chaque tour : seul, à quatre, puis tous.',
  ),
  steps: [
    {
      ...sensemakingStep('what', ['What?', 'Quoi ?'], ['What happened? What did you notice? Facts only.', 'Que s’est-il passé ? Qu’avez-vous remarqué ? Seulement les faits.']),
      activity: { template: 'ls-what-so-what-now-what' },
      notes: t('Hold back interpretations in this round: facts and observations only.', 'Retenez les interprétations à ce tour : seulement des faits et des observations.'),
    },
    sensemakingStep('so-what', ['So what?', 'Et alors ?'], ['Why is that important? What patterns do you see?', 'Pourquoi est-ce important ? Quelles tendances voyez-vous ?']),
    sensemakingStep('now-what', ['Now what?', 'Et maintenant ?'], ['What actions make sense? Put them under “Now what?”.', 'Quelles actions ont du sens ? Placez-les sous « Et maintenant ? ».'], 6),
  ],
}

export const FIFTEEN_PERCENT_PLAN: ReadyPlan = {
  id: '15-percent-solutions',
  name: t('15 % Solutions (25 min)', 'Solutions à 15 % (25 min)'),
  description: t(
    '5 min alone to list your 15 % solutions, 15 min in groups of four sharing and helping each other, 5 min all together.',
    '5 min seul pour lister vos solutions à 15 %, 15 min à quatre pour les partager et s’entraider, 5 min tous ensemble.',
  ),
  steps: [
    {
      id: 'fifteen-percent',
      title: t('15 % Solutions', 'Solutions à 15 %'),
      activity: { template: 'ls-15-percent' },
      instructions: t(
        'Alone: what is your 15 %, what can you do without more resources or permission? Then in groups, each shares theirs; the others ask clarifying questions and give advice.',
        'Seul : quels sont vos 15 %, ce que vous pouvez faire sans moyens ni permission de plus ? Puis en groupe, chacun partage ; les autres posent des questions et conseillent.',
      ),
      notes: t('Each person gets 3 to 5 minutes in the group round; remind them at the half.', 'Chacun a 3 à 5 minutes au tour en groupe ; rappelez-le à mi-parcours.'),
      phases: [phase('write-private', 5), phase('groups', 15, { reveal: true, groupSize: 4 }), phase('all', 5)],
    },
  ],
}

export const TRIZ_PLAN: ReadyPlan = {
  id: 'triz',
  name: t('TRIZ (35 min)', 'TRIZ (35 min)'),
  description: t(
    'Three 10-minute rounds in small groups: how to get the worst result, which of it we already do, the first steps to stop it; then 5 min all.',
    'Trois tours de 10 minutes en petits groupes : comment obtenir le pire résultat, ce que nous en faisons déjà, les premiers pas pour l’arrêter ; puis 5 min tous.',
  ),
  steps: [
    {
      id: 'worst',
      title: t('The worst result', 'Le pire résultat'),
      activity: { template: 'ls-triz' },
      instructions: t('List everything you can do to make sure we get the worst possible result.', 'Listez tout ce qui garantirait le pire résultat possible.'),
      notes: t('Let the laughter happen: it is what makes the second round honest.', 'Laissez les rires venir : c’est ce qui rend le deuxième tour honnête.'),
      phases: [phase('write-private', 2), phase('groups', 8, { reveal: true, groupSize: 4 })],
    },
    {
      id: 'doing-now',
      title: t('What we already do', 'Ce que nous faisons déjà'),
      activity: { sameAs: 'worst' },
      instructions: t('Go down the list: which of these do we do now, in any way? Move those notes to the second column.', 'Parcourez la liste : lesquelles faisons-nous déjà, d’une façon ou d’une autre ? Déplacez ces notes dans la deuxième colonne.'),
      phases: [phase('groups', 10, { groupSize: 4 })],
    },
    {
      id: 'stop',
      title: t('What we will stop', 'Ce que nous arrêtons'),
      activity: { sameAs: 'worst' },
      instructions: t('For each, decide the first step to stop it, with an owner.', 'Pour chacune, décidez le premier pas pour l’arrêter, avec un responsable.'),
      phases: [phase('groups', 10, { groupSize: 4 }), phase('all', 5)],
    },
  ],
}
