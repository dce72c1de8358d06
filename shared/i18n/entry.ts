/** One text of the catalogue in every language. */
export interface CatalogueEntry {
  en: string
  fr: string
  /** Parameters copied as given (text a person typed), not translated. */
  verbatim?: readonly string[]
  /** A regular expression a parameter must match for the English text to be recognised. */
  match?: Readonly<Record<string, string>>
}
