/**
 * Ready-made workshop plans from the methodology (ACTIVITIES.md): needs analysis and risk
 * (half a day), a change-readiness kick-off, and a 60-minute retrospective in five phases.
 */
import { phase, t, type ReadyPlan } from './types.js'

export const NEEDS_AND_RISK_PLAN: ReadyPlan = {
  id: 'needs-analysis-and-risk',
  name: t('Needs analysis and risk (half day)', 'Analyse des besoins et des risques (demi-journée)'),
  description: t(
    'Four hours: stakeholders, their needs, an empathy map, a break, the risk matrix and commitments.',
    'Quatre heures : parties prenantes, leurs besoins, une carte d’empathie, une pause, la matrice des risques et les engagements.',
  ),
  steps: [
    {
      id: 'stakeholders',
      title: t('Who is concerned', 'Qui est concerné'),
      activity: { template: 'power-interest-grid' },
      instructions: t('Write each stakeholder on a note, then place them by power and interest.', 'Écrivez chaque partie prenante sur une note, puis placez-la selon son pouvoir et son intérêt.'),
      notes: t('Check nobody important is missing: users, funders, those who will carry the change.', 'Vérifiez que personne d’important ne manque : usagers, financeurs, ceux qui porteront le changement.'),
      phases: [phase('write-private', 10), phase('reveal', 5), phase('discuss', 25)],
    },
    {
      id: 'needs',
      title: t('Needs', 'Besoins'),
      activity: { template: 'stakeholder-needs-map' },
      instructions: t('For each stakeholder, write their needs. Then vote for the needs that matter most.', 'Pour chaque partie prenante, écrivez ses besoins. Puis votez pour les besoins les plus importants.'),
      notes: t('Push for needs, not solutions: “they need to…”, not “we should build…”.', 'Cherchez des besoins, pas des solutions : « ils ont besoin de… », pas « nous devrions construire… ».'),
      phases: [phase('write-private', 15), phase('reveal', 5), phase('group', 10), phase('vote', 5, { votesPerPerson: 5 }), phase('reveal', 5), phase('discuss', 20)],
    },
    {
      id: 'break',
      title: t('Break', 'Pause'),
      activity: null,
      instructions: t('Fifteen minutes of break.', 'Quinze minutes de pause.'),
      phases: [phase('discuss', 15)],
    },
    {
      id: 'empathy',
      title: t('Empathy map', 'Carte d’empathie'),
      activity: { template: 'empathy-map' },
      instructions: t('Pick the key stakeholder: what do they say, think, do and feel?', 'Choisissez la partie prenante clé : que dit-elle, pense-t-elle, fait-elle et ressent-elle ?'),
      phases: [phase('write-private', 10), phase('reveal', 5), phase('discuss', 15)],
    },
    {
      id: 'risks',
      title: t('Risks', 'Risques'),
      activity: { template: 'risk-matrix' },
      instructions: t('Write the risks, place each by likelihood and impact, then vote for the ones to treat first.', 'Écrivez les risques, placez chacun selon sa probabilité et son impact, puis votez pour ceux à traiter d’abord.'),
      notes: t('Critical and high risks need an owner and a mitigation before the end.', 'Les risques critiques et élevés doivent avoir un responsable et une mesure avant la fin.'),
      phases: [phase('write-private', 15), phase('reveal', 5), phase('discuss', 25), phase('vote', 5), phase('reveal', 10)],
    },
    {
      id: 'commitments',
      title: t('Commitments', 'Engagements'),
      activity: { template: 'commitments' },
      instructions: t('What will you do, and when? One note per commitment.', 'Que ferez-vous, et quand ? Une note par engagement.'),
      phases: [phase('write-private', 10), phase('reveal', 5), phase('discuss', 20)],
    },
  ],
}

export const CHANGE_READINESS_PLAN: ReadyPlan = {
  id: 'change-readiness-kick-off',
  name: t('Change-readiness kick-off (70 min)', 'Lancement : prêts pour le changement ? (70 min)'),
  description: t(
    'A round of check-in, where everyone stands on the change, and first commitments.',
    'Un tour d’accueil, où chacun se situe face au changement, et de premiers engagements.',
  ),
  steps: [
    {
      id: 'check-in',
      title: t('Check-in round', 'Tour d’accueil'),
      activity: { template: 'talking-circle' },
      instructions: t('One at a time, with the talking piece: what do you bring to this change today?', 'Chacun son tour, avec l’objet de parole : qu’apportez-vous à ce changement aujourd’hui ?'),
      notes: t('Speak first to set the tone and the length: one minute each.', 'Parlez en premier pour donner le ton et la durée : une minute chacun.'),
      phases: [phase('discuss', 15)],
    },
    {
      id: 'readiness',
      title: t('Where we stand', 'Où nous en sommes'),
      activity: { template: 'change-readiness-check-in' },
      instructions: t('Place a note where you stand on the change, and say why.', 'Placez une note là où vous vous situez face au changement, et dites pourquoi.'),
      notes: t('Welcome the resisting end: it tells you what the plan must answer.', 'Accueillez ceux qui résistent : ils disent à quoi le plan doit répondre.'),
      phases: [phase('write-private', 5), phase('reveal', 5), phase('discuss', 20)],
    },
    {
      id: 'commitments',
      title: t('First commitments', 'Premiers engagements'),
      activity: { template: 'commitments' },
      instructions: t('What is your first step, and when?', 'Quel est votre premier pas, et quand ?'),
      phases: [phase('write-private', 10), phase('reveal', 5), phase('discuss', 10)],
    },
  ],
}

export const RETROSPECTIVE_PLAN: ReadyPlan = {
  id: 'retrospective-60',
  name: t('Retrospective (60 min)', 'Rétrospective (60 min)'),
  description: t(
    'Five phases: set the stage, gather data, generate insights, decide what to do, close.',
    'Cinq phases : installer le cadre, recueillir les faits, comprendre, décider quoi faire, clore.',
  ),
  steps: [
    {
      id: 'set-the-stage',
      title: t('Set the stage', 'Installer le cadre'),
      activity: { template: 'retro-start-stop-continue' },
      instructions: t('In one word: how do you arrive today?', 'En un mot : comment arrivez-vous aujourd’hui ?'),
      notes: t('Restate the goal and the period the retrospective covers.', 'Rappelez l’objectif et la période couverte par la rétrospective.'),
      phases: [phase('discuss', 5)],
    },
    {
      id: 'gather-data',
      title: t('Gather data', 'Recueillir les faits'),
      activity: { sameAs: 'set-the-stage' },
      instructions: t('Alone, write what should start, stop and continue. Notes are revealed together.', 'Seul, écrivez ce qui devrait commencer, s’arrêter et continuer. Les notes sont dévoilées ensemble.'),
      phases: [phase('write-private', 10), phase('reveal', 5)],
    },
    {
      id: 'generate-insights',
      title: t('Generate insights', 'Comprendre'),
      activity: { sameAs: 'set-the-stage' },
      instructions: t('Group similar notes, then vote for the topics to discuss.', 'Regroupez les notes similaires, puis votez pour les sujets à discuter.'),
      phases: [phase('group', 5), phase('vote', 3), phase('reveal', 2), phase('discuss', 5)],
    },
    {
      id: 'decide',
      title: t('Decide what to do', 'Décider quoi faire'),
      activity: { sameAs: 'set-the-stage' },
      instructions: t('Turn the top topics into actions, each with an owner and a due date.', 'Transformez les sujets en tête en actions, chacune avec un responsable et une échéance.'),
      notes: t('Two or three actions are enough; more rarely get done.', 'Deux ou trois actions suffisent ; au-delà, elles sont rarement faites.'),
      phases: [phase('discuss', 15)],
    },
    {
      id: 'close',
      title: t('Close', 'Clore'),
      activity: { sameAs: 'set-the-stage' },
      instructions: t('How useful was this hour for you? One sentence each.', 'Quelle a été l’utilité de cette heure pour vous ? Une phrase chacun.'),
      phases: [phase('discuss', 10)],
    },
  ],
}
