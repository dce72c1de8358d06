/**
 * The one message catalogue of the app chrome. English is the reference; every other locale
 * must define the same keys (the type enforces it). tldraw's own UI is translated by tldraw.
 */
import { facilitationEn, facilitationFr } from './messages.facilitation'
import { ACTIVITIES_MESSAGES } from './messages.activities'
import { boardToolsMessages } from './messages.boardTools'
import { planEn, planFr } from './messages.plan'
import { spaceMessages } from './messages.space'
import { spaceManageMessages } from './messages.spaceManage'
import { outlineMessages } from './messages.outline'
import { peopleMessages } from './messages.people'
import { roomMessages } from './messages.room'
import { circleMessages } from './messages.circle'
import { templateMessages } from './messages.templates'
import { frenchSpaces } from '../../shared/i18n/typography'

export const LOCALES = ['en', 'fr'] as const
export type Locale = (typeof LOCALES)[number]

const en = {
  'app.name': 'Workshop canvas',
  'app.skipToContent': 'Skip to content',
  'format.labelValue': '{label}: {value}',
  'locale.label': 'Language',
  'locale.en': 'English',
  'locale.fr': 'Français',
  'lobby.heading': 'Run a workshop on a shared canvas',
  'lobby.intro': 'Create a board, then share its links: facilitators run it, participants write on it, viewers watch.',
  'lobby.titleLabel': 'Board title',
  'lobby.titlePlaceholder': 'Team retrospective',
  'lobby.create': 'Create board',
  'lobby.creating': 'Creating…',
  'lobby.createFailed': 'The board could not be created: {reason}',
  'lobby.created': 'Board “{title}” created. Share these links:',
  'lobby.openBoard': 'Open the board',
  'lobby.myBoards': 'My boards',
  'lobby.myBoardsHint': 'Boards this browser has opened. The links are kept on this device only.',
  'lobby.noBoards': 'No boards yet.',
  'lobby.jump.label': 'Back to your work',
  'lobby.jump.boards': 'My boards ({count})',
  'lobby.jump.spaces': 'Team spaces ({count})',
  'lobby.plans.legend': 'Start from a workshop plan (optional)',
  'lobby.plans.hint': 'A plan adds its activities to the board and runs them step by step: timer, private writing, votes.',
  'lobby.plans.none': 'No plan',
  'lobby.plans.noneDescription': 'Choose one activity below; add others and a plan later from the board.',
  'lobby.plans.shape': '{steps} steps · {duration}',
  'lobby.plans.shapeOne': '1 step · {duration}',
  'lobby.plans.failed': 'The ready-made plans could not be loaded: {reason}',
  'lobby.openAs': 'Open as {role}',
  'lobby.copy': 'Copy {role} link',
  'lobby.copied': 'Copied',
  'lobby.forget': 'Forget “{title}”',
  'role.facilitator': 'facilitator',
  'role.participant': 'participant',
  'role.viewer': 'viewer',
  'board.loading': 'Opening the board…',
  'board.noToken': 'This link has no access key. Ask the facilitator for the full link.',
  'board.denied': 'This link cannot open the board (it may have been revoked).',
  'board.notFound': 'There is no such board.',
  'board.failed': 'The board could not be opened: {reason}',
  'error.network': 'the server could not be reached; check the connection and try again',
  'error.invalid': 'the server refused a value it was sent',
  'error.forbidden': 'this link does not allow it (it may have been replaced)',
  'error.notFound': 'not found (it may have been deleted)',
  'error.conflict': 'not possible in the board’s current state',
  'error.tooLarge': 'it is too large for the server',
  'error.tooMany': 'too many requests at once; try again in a moment',
  'error.server': 'the server could not do it; try again, and tell whoever runs it if it goes on',
  'error.other': 'the server answered {status}',
  'board.backToLobby': 'Back to my boards',
  'board.readOnly': 'View only',
  'board.panelShow': 'Show the board menu',
  'board.opacity': 'Opacity',
  'board.panelHide': 'Hide the board menu',
  'board.canvasHint': 'On the canvas: Tab moves between shapes; press Escape, then Tab, to leave it.',
  'board.role': 'You are a {role}',
  'board.invalidRecords': '{count} {count:item|items} from other people could not be shown.',
  'board.notSaving': 'The server cannot save the board right now. Your changes are kept in this browser and will be saved when it recovers.',
  'board.closed': 'The server closed the connection: {reason}',
  'status.online': 'Online',
  'status.reconnecting': 'Reconnecting…',
  'status.offline': 'Offline — your changes are kept and will sync',
  'status.label': 'Connection',
  'people.heading': 'People here ({count})',
  'people.you': '{name} (you)',
  'people.anonymous': 'Anonymous',
  'name.heading': 'What should others call you?',
  'name.label': 'Your name',
  'name.hint': 'Shown next to your cursor. Kept in this browser.',
  'name.save': 'Join the board',
  'name.change': 'Change name',
  'name.cancel': 'Cancel',
  'schema.newer': 'This board was saved by a newer version of the app. Reload the page to get it; until then the board is read-only.',
  'schema.older': 'This board was saved by an older version of the server. Reload the page; until then the board is read-only.',
  'schema.rejected': 'The server refused a change from this page. Reload the page to continue.',
  'schema.reload': 'Reload',
  ...facilitationEn,
  ...ACTIVITIES_MESSAGES.en,
  ...boardToolsMessages.en,
  ...planEn,
  ...spaceMessages.en,
  ...spaceManageMessages.en,
  ...outlineMessages.en,
  ...peopleMessages.en,
  ...roomMessages.en,
  ...circleMessages.en,
  ...templateMessages.en,
} as const

export type MessageKey = keyof typeof en
export type Catalogue = Record<MessageKey, string>

const fr: Catalogue = {
  'app.name': 'Toile d’atelier',
  'app.skipToContent': 'Aller au contenu',
  'format.labelValue': '{label} : {value}',
  'locale.label': 'Langue',
  'locale.en': 'English',
  'locale.fr': 'Français',
  'lobby.heading': 'Animer un atelier sur une toile partagée',
  'lobby.intro': 'Créez un tableau, puis partagez ses liens : l’animation le dirige, les participants y écrivent, les observateurs le suivent.',
  'lobby.titleLabel': 'Titre du tableau',
  'lobby.titlePlaceholder': 'Rétrospective d’équipe',
  'lobby.create': 'Créer le tableau',
  'lobby.creating': 'Création…',
  'lobby.createFailed': 'Le tableau n’a pas pu être créé : {reason}',
  'lobby.created': 'Tableau « {title} » créé. Partagez ces liens :',
  'lobby.openBoard': 'Ouvrir le tableau',
  'lobby.myBoards': 'Mes tableaux',
  'lobby.myBoardsHint': 'Les tableaux ouverts dans ce navigateur. Les liens restent sur cet appareil.',
  'lobby.noBoards': 'Aucun tableau pour l’instant.',
  'lobby.jump.label': 'Reprendre votre travail',
  'lobby.jump.boards': 'Mes tableaux ({count})',
  'lobby.jump.spaces': 'Espaces d’équipe ({count})',
  'lobby.plans.legend': 'Partir d’un déroulé d’atelier (facultatif)',
  'lobby.plans.hint': 'Un déroulé ajoute ses activités au tableau et les mène étape par étape : minuteur, écriture individuelle, votes.',
  'lobby.plans.none': 'Sans déroulé',
  'lobby.plans.noneDescription': 'Choisissez une activité ci-dessous ; ajoutez-en d’autres et un déroulé plus tard depuis le tableau.',
  'lobby.plans.shape': '{steps} étapes · {duration}',
  'lobby.plans.shapeOne': '1 étape · {duration}',
  'lobby.plans.failed': 'Les déroulés prêts à l’emploi n’ont pas pu être chargés : {reason}',
  'lobby.openAs': 'Ouvrir comme {role}',
  'lobby.copy': 'Copier le lien {role}',
  'lobby.copied': 'Copié',
  'lobby.forget': 'Oublier « {title} »',
  'role.facilitator': 'animation',
  'role.participant': 'participant',
  'role.viewer': 'observateur',
  'board.loading': 'Ouverture du tableau…',
  'board.noToken': 'Ce lien n’a pas de clé d’accès. Demandez le lien complet à l’animation.',
  'board.denied': 'Ce lien ne permet pas d’ouvrir le tableau (il a peut-être été révoqué).',
  'board.notFound': 'Ce tableau n’existe pas.',
  'board.failed': 'Le tableau n’a pas pu être ouvert : {reason}',
  'error.network': 'le serveur est injoignable ; vérifiez la connexion et réessayez',
  'error.invalid': 'le serveur a refusé une valeur reçue',
  'error.forbidden': 'ce lien ne le permet pas (il a peut-être été remplacé)',
  'error.notFound': 'introuvable (il a peut-être été supprimé)',
  'error.conflict': 'impossible dans l’état actuel du tableau',
  'error.tooLarge': 'c’est trop volumineux pour le serveur',
  'error.tooMany': 'trop de demandes à la fois ; réessayez dans un instant',
  'error.server': 'le serveur n’a pas pu le faire ; réessayez, et prévenez la personne qui l’administre si cela continue',
  'error.other': 'le serveur a répondu {status}',
  'board.backToLobby': 'Retour à mes tableaux',
  'board.readOnly': 'Lecture seule',
  'board.panelShow': 'Afficher le menu du tableau',
  'board.opacity': 'Opacité',
  'board.panelHide': 'Masquer le menu du tableau',
  'board.canvasHint': 'Sur la toile : Tab passe d’une forme à l’autre ; appuyez sur Échap, puis Tab, pour en sortir.',
  'board.role': 'Rôle : {role}',
  'board.invalidRecords': '{count} {count:élément d’une autre personne n’a pas pu être affiché|éléments d’autres personnes n’ont pas pu être affichés}.',
  'board.notSaving': 'Le serveur ne peut pas enregistrer le tableau pour le moment. Vos modifications sont conservées dans ce navigateur et seront enregistrées dès son rétablissement.',
  'board.closed': 'Le serveur a fermé la connexion : {reason}',
  'status.online': 'En ligne',
  'status.reconnecting': 'Reconnexion…',
  'status.offline': 'Hors ligne — vos modifications sont conservées et seront synchronisées',
  'status.label': 'Connexion',
  'people.heading': 'Personnes présentes ({count})',
  'people.you': '{name} (vous)',
  'people.anonymous': 'Anonyme',
  'name.heading': 'Comment les autres doivent-ils vous appeler ?',
  'name.label': 'Votre nom',
  'name.hint': 'Affiché à côté de votre curseur. Conservé dans ce navigateur.',
  'name.save': 'Rejoindre le tableau',
  'name.change': 'Changer de nom',
  'name.cancel': 'Annuler',
  'schema.newer': 'Ce tableau a été enregistré par une version plus récente de l’application. Rechargez la page ; d’ici là, le tableau est en lecture seule.',
  'schema.older': 'Ce tableau a été enregistré par une version plus ancienne du serveur. Rechargez la page ; d’ici là, le tableau est en lecture seule.',
  'schema.rejected': 'Le serveur a refusé une modification de cette page. Rechargez la page pour continuer.',
  'schema.reload': 'Recharger',
  ...facilitationFr,
  ...ACTIVITIES_MESSAGES.fr,
  ...boardToolsMessages.fr,
  ...planFr,
  ...spaceMessages.fr,
  ...spaceManageMessages.fr,
  ...outlineMessages.fr,
  ...peopleMessages.fr,
  ...roomMessages.fr,
  ...circleMessages.fr,
  ...templateMessages.fr,
}

export const CATALOGUES: Record<Locale, Catalogue> = { en, fr }

const pluralRules = new Map<Locale, Intl.PluralRules>()

/** Whether `count` takes the singular in `locale` (English: 1; French: 0 and 1). */
function isSingular(count: number, locale: Locale): boolean {
  let rules = pluralRules.get(locale)
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
  return rules.select(count) === 'one'
}

/**
 * Fills `{name}` placeholders, and `{name:singular|plural}` choices by the number `name` in
 * `locale` ("{count} {count:note|notes}": "1 note", "0 notes"; in French "0 note", "2 notes").
 * A missing parameter stays visible rather than vanishing.
 */
export function formatMessage(template: string, params: Record<string, string | number> = {}, locale: Locale = 'en'): string {
  return (locale === 'fr' ? frenchSpaces(template) : template).replace(/\{(\w+)(?::([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, singular?: string, plural?: string) => {
    if (!(name in params)) return whole
    const value = params[name]!
    if (singular === undefined || plural === undefined) return String(value)
    return isSingular(Number(value), locale) ? singular : plural
  })
}

/** The best supported locale for a list of browser languages. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0]
    if ((LOCALES as readonly string[]).includes(base ?? '')) return base as Locale
  }
  return 'en'
}
