/** A failed call is explained in the page's language: the server's own message in English, what its status means otherwise. */
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, errorMessage } from '../../client/api/http.js'

function pageIn(lang: string): void {
  Object.defineProperty(globalThis, 'document', { value: { documentElement: { lang } }, configurable: true })
}

describe('errorMessage', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'document')
  })

  it('gives the server’s message on an English page', () => {
    pageIn('en')
    expect(errorMessage(new ApiError(403, 'only the facilitator link can add activities'))).toBe('only the facilitator link can add activities')
  })

  it.each([
    [403, 'ce lien ne le permet pas (il a peut-être été remplacé)'],
    [404, 'introuvable (il a peut-être été supprimé)'],
    [409, 'impossible dans l’état actuel du tableau'],
    [429, 'trop de demandes à la fois\u202f; réessayez dans un instant'],
    [418, 'le serveur a répondu 418'],
  ])('says what %i means on a French page, then the server’s words', (status, expected) => {
    pageIn('fr')
    expect(errorMessage(new ApiError(status, 'only the facilitator link can add activities'))).toBe(`${expected} («\u00a0only the facilitator link can add activities\u00a0»)`)
  })

  it('keeps a server failure’s words out of a French page', () => {
    pageIn('fr')
    expect(errorMessage(new ApiError(503, 'storage unavailable: SQLITE_BUSY'))).toBe('le serveur n’a pas pu le faire\u202f; réessayez, et prévenez la personne qui l’administre si cela continue')
  })

  it('quotes the server’s words on a French page after the reason', () => {
    pageIn('fr')
    expect(errorMessage(new ApiError(400, 'title must be at most 200 characters'))).toBe('le serveur a refusé une valeur reçue («\u00a0title must be at most 200 characters\u00a0»)')
    expect(errorMessage(new ApiError(413, 'the file is larger than 5 MB'))).toBe('c’est trop volumineux pour le serveur («\u00a0the file is larger than 5 MB\u00a0»)')
  })

  it.each([
    ['en', 'the server could not be reached; check the connection and try again'],
    ['fr', 'le serveur est injoignable\u202f; vérifiez la connexion et réessayez'],
  ])('says an unreachable server in the page’s language (%s)', (lang, expected) => {
    pageIn(lang)
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe(expected)
    expect(errorMessage(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(expected)
  })

  it('keeps any other error’s own message', () => {
    pageIn('fr')
    expect(errorMessage(new TypeError('x is not a function'))).toBe('x is not a function')
    expect(errorMessage('plain')).toBe('plain')
  })
})
