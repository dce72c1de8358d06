/** Names of downloaded files (shared/fileName.ts): French titles keep their letters. */
import { describe, expect, it } from 'vitest'
import { datedFileName, fileSlug } from '../../shared/fileName.js'

describe('file names of downloads', () => {
  it.each([
    ['Rétro de l’équipe', 'retro-de-l-equipe'],
    ['Équipe transformation', 'equipe-transformation'],
    ['Cœur du métier : priorités 2027', 'coeur-du-metier-priorites-2027'],
    ['Ægir, Straße, Øresund, Łódź', 'aegir-strasse-oresund-lodz'],
    ['Sprint 12: Retro!', 'sprint-12-retro'],
    ['Ça va? Où ça… «oui»', 'ca-va-ou-ca-oui'],
  ])('%j → %j', (title, slug) => {
    expect(fileSlug(title, 'board')).toBe(slug)
  })

  it('a title with no Latin letter or digit is named after what the file is', () => {
    expect(fileSlug('!!!', 'board')).toBe('board')
    expect(fileSlug('Команда', 'space')).toBe('space')
    expect(fileSlug('', 'board')).toBe('board')
  })

  it('a long title is cut at 60 characters without a trailing hyphen', () => {
    const slug = fileSlug(`${'a'.repeat(59)} b`, 'board')
    expect(slug).toBe('a'.repeat(59))
    expect(fileSlug('é'.repeat(80), 'board')).toBe('e'.repeat(60))
  })

  it('is dated in UTC, with the extension', () => {
    expect(datedFileName('Rétrospective', 'board', 'md', Date.UTC(2026, 11, 1, 23, 30))).toBe('retrospective-2026-12-01.md')
    expect(datedFileName('Équipe', 'space', 'csv', new Date('2026-03-04T10:00:00Z'))).toBe('equipe-2026-03-04.csv')
  })
})
