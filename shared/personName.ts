/** A name as compared for counting people and identifying risks: NFKC, no accents, lower case, single spaces. */
export function normaliseName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}
