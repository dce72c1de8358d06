/**
 * French typography in a text's own words (not in the values filled in later): the space before
 * : ; ! ? » and after « does not break, so a line never starts with the punctuation
 * ("Vent" / ": ce qui nous fait avancer"); a narrow one before ; ! ?, a full one for : and
 * guillemets. The app's messages (client/i18n/messages.ts), the shared catalogue's texts
 * (`text()`: reports, space pages) and the template texts drawn on a French board
 * (shared/activities/locale.ts) all go through it.
 */
export function frenchSpaces(text: string): string {
  return text.replace(/ ([;!?])/g, '\u202f$1').replace(/ ([:»])/g, '\u00a0$1').replace(/« /g, '«\u00a0')
}

/** `text` with French typography's no-break spaces back to plain ones (to recognise a text written either way). */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ')
}
