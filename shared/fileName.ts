/**
 * Names of downloaded files (exports, pictures, reports): the title in lower-case ASCII words
 * joined by hyphens, then the day. Accents are dropped, not the letters that carry them, so a
 * French title stays readable ("Rétro de l’équipe" → `retro-de-l-equipe`); a title with no
 * Latin letter or digit falls back to what the file is (`board`, `space`).
 */

/** Letters that do not decompose into a base letter and a mark. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' }
const LIGATURE = new RegExp(`[${Object.keys(LIGATURES).join('')}]`, 'g')

export function fileSlug(title: string, fallback: string): string {
  const ascii = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(LIGATURE, (letter) => LIGATURES[letter]!)
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '') || fallback
}

/** `<slug>-<YYYY-MM-DD>.<extension>`, the day in UTC. */
export function datedFileName(title: string, fallback: string, extension: string, when: Date | number = new Date()): string {
  return `${fileSlug(title, fallback)}-${new Date(when).toISOString().slice(0, 10)}.${extension}`
}
